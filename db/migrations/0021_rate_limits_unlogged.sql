-- Every API request takes from a rate allowance, an upsert of this table. Unlogged, the upsert
-- writes no WAL and its commit waits for no disk flush. The price: after a crash (not a clean
-- restart) Postgres empties the table, so allowances start afresh — a minute's counts at most.
-- Unlogged tables are not copied to replicas either; every instance writes the primary.
ALTER TABLE "rate_limits" SET UNLOGGED;
