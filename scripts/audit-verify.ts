// Recomputes the audit trail's hash chains, checks their signatures with AUDIT_SIGNING_KEY, and
// names the first record that was altered, forged or removed. With `--bundle file.json`, checks an
// evidence bundle's audit records offline instead (no database needed).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { config } from '../server/config';
import { evidenceBundleSchema } from '../server/schemas/evidence-bundle';
import { verifyAuditChains } from '../server/services/audit/verify';
import { verifyBundleRecords } from '../server/services/audit/verify-bundle';

const { values } = parseArgs({ options: { bundle: { type: 'string' } } });

async function verifyDatabase() {
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
}

function verifyBundle(file: string) {
  const parsed = evidenceBundleSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.error(`Not an evidence bundle: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exitCode = 1;
    return;
  }
  const { model, version } = parsed.data;
  const verdict = verifyBundleRecords(parsed.data.audit, config.auditSigningKey);
  if (verdict.problems.length) {
    for (const problem of verdict.problems) console.error(`Evidence BROKEN: ${problem}.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Evidence intact: ${verdict.records} audit records of ${model.team}/${model.name} ${version.version} match their hashes.`);
  if (!verdict.signaturesChecked) console.log('Signatures not checked: set AUDIT_SIGNING_KEY to the key the app signs with.');
}

if (values.bundle) verifyBundle(values.bundle);
else await verifyDatabase();
