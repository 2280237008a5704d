import { evidenceBundleSchema } from '../../schemas/evidence-bundle';
import { versionKeySchema } from '../../schemas/version';
import { evidenceBundle } from '../../services/governance/evidence';
import { guardedProcedure } from '../../trpc/procedures';

export const evidence = guardedProcedure(evidenceBundle.access)
  .meta({
    openapi: {
      method: 'GET',
      path: '/models/{modelId}/{version}/evidence',
      tags: ['governance'],
      summary: "A version's evidence bundle for auditors (maintainers)",
      description: 'Model card, lineage, artifacts with checksums, evaluations, approvals, transitions, policy results and the audit records with their chain hashes. Check it offline with `npm run audit:verify -- --bundle file.json`.',
    },
  })
  .input(versionKeySchema)
  .output(evidenceBundleSchema)
  .query(({ ctx, input }) => evidenceBundle(ctx.service, input));
