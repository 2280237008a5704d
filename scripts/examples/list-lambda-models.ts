/**
 * Prints every model of a team that has a version targeting AWS Lambda, following the catalog's
 * cursor through all pages:
 *
 *   REGISTRY_URL=… REGISTRY_TOKEN=… npx tsx scripts/examples/list-lambda-models.ts fraud
 */
import { createRegistryClient } from '@ml-platform/model-registry-client';

const team = process.argv[2];
if (!team) throw new Error('usage: list-lambda-models.ts <team>');

const client = createRegistryClient({
  url: process.env.REGISTRY_URL ?? 'http://localhost:3000',
  token: process.env.REGISTRY_TOKEN ?? '',
});

let cursor: string | undefined;
do {
  const page = await client.models.list.query({ team, deploymentTarget: 'LAMBDA', sort: 'name', limit: 100, cursor });
  for (const model of page.items) {
    console.log(`${model.name}\t${model.latestVersion?.version ?? '-'}\t${model.latestVersion?.state ?? '-'}`);
  }
  cursor = page.nextCursor ?? undefined;
} while (cursor);
