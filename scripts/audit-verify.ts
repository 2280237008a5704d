// Recomputes the audit trail's hash chains and names the first record that was altered or removed.
import { openDatabase } from '../db/client';
import { verifyAuditChains } from '../server/services/audit/verify';

const connection = await openDatabase();
try {
  await connection.migrate();
  const result = await verifyAuditChains(connection.db);
  if (result.firstBroken) {
    const { chainKey, seq, id, reason } = result.firstBroken;
    console.error(`Audit trail BROKEN in chain ${chainKey} at record ${seq}${id ? ` (id ${id})` : ''}: ${reason}.`);
    process.exitCode = 1;
  } else {
    console.log(`Audit trail intact: ${result.records} records in ${result.chains} chains.`);
  }
} finally {
  await connection.close();
}
