import { z } from 'zod';
import { auditRecordSchema } from './audit';
import { teamSlugSchema, timestampSchema, uuidSchema } from './common';
import { versionGovernanceSchema } from './governance';
import { modelSchema } from './model';
import { policySchema } from './policy';
import { modelVersionSchema } from './version';

export const EVIDENCE_FORMAT = 'model-registry-evidence/1';

/** An audit record with every field its hash covers, so it can be checked away from the registry. */
const bundledAuditRecordSchema = auditRecordSchema
  .omit({ team: true })
  .extend({ teamId: uuidSchema.nullable(), prevHash: z.string(), signature: z.string().nullable() })
  .meta({ id: 'BundledAuditRecord' });
export type BundledAuditRecord = z.infer<typeof bundledAuditRecordSchema>;

export const evidenceBundleSchema = z
  .object({
    format: z.literal(EVIDENCE_FORMAT),
    generatedAt: timestampSchema,
    team: teamSlugSchema,
    model: modelSchema.omit({ latestVersion: true }).meta({ description: 'With its card (description), owners and risk tier' }),
    version: modelVersionSchema.meta({ description: 'Every field, lineage included' }),
    governance: versionGovernanceSchema.meta({ description: 'Reviews and approvals, transitions, evaluations, artifacts with checksums, aliases, policy results' }),
    policy: policySchema.meta({ description: 'The policy in force when the bundle was made' }),
    audit: z.array(bundledAuditRecordSchema).meta({ description: "The version's and the model's audit records, in chain order, with their hashes" }),
  })
  .meta({ id: 'EvidenceBundle', description: 'Check offline with `npm run audit:verify -- --bundle file.json`' });
export type EvidenceBundle = z.infer<typeof evidenceBundleSchema>;
