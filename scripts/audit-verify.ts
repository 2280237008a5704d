// Recomputes the audit trail's hash chains, checks their signatures with AUDIT_SIGNING_KEY, and
// names the first record that was altered, forged or removed.
import { openDatabase } from '../db/client';
import { config } from '../server/config';
import { verifyAuditChains } from '../server/services/audit/verify';

const connection = await openDatabase(config.database);
try {
  await connection.migrate();
  const result = await verifyAuditChains(connection.db, { signingKey: config.auditSigningKey });
  if (result.firstBroken) {
    const { chainKey, seq, id, reason } = result.firstBroken;
    console.error(`Audit trail BROKEN in chain ${chainKey} at record ${seq}${id ? ` (id ${id})` : ''}: ${reason}.`);
    process.exitCode = 1;
  } else {
    console.log(`Audit trail intact: ${result.records} records in ${result.chains} chains.`);
    if (!result.signaturesChecked) console.log('Signatures not checked: set AUDIT_SIGNING_KEY to the key the app signs with.');
    else if (result.unsigned) console.log(`${result.unsigned} records predate signing (AUDIT_SIGNING_KEY was not set when they were written).`);
  }
} finally {
  await connection.close();
}
