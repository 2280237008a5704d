import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../../db/client';
import { searchDocument } from '../../server/services/models/summary';
import { type BulkOptions, modelWithVersions, random, teamRows } from './bulk-data';
import { copyRows } from './copy';

const MODEL_COLUMNS = ['id', 'team_id', 'name', 'description', 'tags', 'owners', 'risk_tier', 'latest_version_id', 'latest_version_sort', 'deployment_targets', 'facets', 'version_count', 'created_at', 'updated_at'];
const VERSION_COLUMNS = ['id', 'model_id', 'team_id', 'version', 'framework', 'artifact_uri', 'deployment_target', 'deployment_config', 'description', 'tags', 'metrics', 'hyperparameters', 'lineage', 'state', 'deployment_status', 'registered_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'];

/**
 * Fills a (migrated) Postgres database with bulk registry data through COPY: teams, models with
 * their summaries, versions with tombstones. Audit records are not generated.
 */
export async function seedBulk(databaseUrl: string, options: BulkOptions, log: (line: string) => void = console.log) {
  const started = performance.now();
  const connection = await openDatabase({ driver: 'pg', url: databaseUrl, poolMax: 2 });
  await connection.migrate();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const rng = random(options.seed);
    const now = Date.now();
    const teams = teamRows(options.teams);
    const batch = 5_000;
    await client.query('begin');
    await copyRows(client, 'teams', ['id', 'slug', 'name'], teams.map((t) => [t.id, t.slug, t.name]));
    for (let first = 0; first < options.models; first += batch) {
      const generated = Array.from({ length: Math.min(batch, options.models - first) }, (_, i) =>
        modelWithVersions(rng, first + i + 1, teams[(first + i) % teams.length]!, options, now),
      );
      await copyRows(client, 'models', MODEL_COLUMNS, generated.map(({ model: m }) => [m.id, m.teamId, m.name, m.description, m.tags, m.owners, m.riskTier, m.latestVersionId, m.latestVersionSort, m.deploymentTargets, m.facets, m.versionCount, m.createdAt, m.updatedAt]));
      await copyRows(
        client,
        'model_versions',
        VERSION_COLUMNS,
        generated.flatMap(({ versions }) =>
          versions.map((v) => [v.id, v.modelId, v.teamId, v.version, v.framework, v.artifactUri, v.deploymentTarget, v.deploymentConfig, v.description, v.tags, v.metrics, v.hyperparameters, v.lineage, v.state, v.deploymentStatus, v.registeredBy, v.createdAt, v.deletedAt ?? v.createdAt, v.deletedAt, v.deletedBy]),
        ),
      );
      log(`  ${(first + generated.length).toLocaleString('en-US')} models`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
  log('computing search documents…');
  await connection.db.execute(
    sql`update models set search_vector = ${searchDocument(sql`name`, sql`array_to_string(tags, ' ')`, sql`coalesce(description, '')`)}`,
  );
  // The update above left every model row twice; compact the table as a live one would be.
  await connection.db.execute(sql`vacuum full models`);
  await connection.db.execute(sql`vacuum analyze`);
  await connection.close();
  return { seconds: (performance.now() - started) / 1000 };
}
