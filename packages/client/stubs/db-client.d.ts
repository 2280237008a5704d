// For the bundled declarations only: the router's context names the database handle, which no
// client sees; standing in for it keeps Drizzle's and the drivers' types out of the package.
export type Database = unknown;
