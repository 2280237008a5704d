import { eq, sql } from 'drizzle-orm';
import { teams } from '../../db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/database';

let database: Awaited<ReturnType<typeof freshDatabase>>;

// Enough rows, with statistics, that the planner chooses as it would in production.
beforeAll(async () => {
  database = await freshDatabase();
  await database.db.execute(sql`insert into teams (id, slug, name)
    select gen_random_uuid(), 'team-' || i, 'Team ' || i from generate_series(1, 50) i`);
  await database.db.execute(sql`insert into models (id, team_id, name, tags, deployment_targets, facets, version_count, search_vector, updated_at)
    select gen_random_uuid(), (select id from teams order by slug offset (i % 50) limit 1), 'model-' || i,
      array['tag-' || (i % 40)], case when i % 2 = 0 then '{EKS}'::deployment_target[] else '{LAMBDA}' end,
      array['tag:tag-' || (i % 40), 'framework:' || (array['xgboost','pytorch','onnx'])[1 + i % 3],
        'kind:' || (case when i % 2 = 0 then 'EKS' else 'LAMBDA' end) || '/' || (array['xgboost','pytorch','onnx'])[1 + i % 3]], 1,
      to_tsvector('simple', 'model-' || i || ' description ' || (i % 97)), now() - (i || ' minutes')::interval
    from generate_series(1, 20000) i`);
  await database.db.execute(sql`insert into model_versions (id, model_id, team_id, version, framework, artifact_uri,
      deployment_target, deployment_config, registered_by)
    select gen_random_uuid(), m.id, m.team_id, v || '.0.0', (array['xgboost','pytorch','onnx'])[1 + v % 3]::framework,
      's3://bucket/' || m.name, m.deployment_targets[1], '{}', '{"kind":"system","id":"s","name":"s"}'
    from models m, generate_series(1, 4) v`);
  await database.db.execute(sql`vacuum analyze`);
});
afterAll(() => database.close());

// The catalog's predicates, in the shapes server/services/models/list.ts writes them.
const PREDICATES: [string, string, string | RegExp][] = [
  ['team', `select id from models where version_count > 0 and team_id = $TEAM order by updated_at desc, id desc limit 20`, 'models_team_updated_idx'],
  ['default order', 'select id from models where version_count > 0 order by updated_at desc, id desc limit 20 offset 5000', /Index Only Scan using models_updated_idx/],
  ['name order', 'select id from models where version_count > 0 order by name, id limit 20', 'models_name_idx'],
  ['broad count', 'select count(*) from (select id from models where version_count > 0 limit 1001) m', /Index Only Scan using models_\w+_idx/],
  ['tag', `select id from models where facets @> array['tag:tag-7']`, 'models_facets_idx'],
  ['target + framework + tag', `select count(*) from (select id from models where version_count > 0 and facets @> array['tag:tag-7', 'kind:LAMBDA/onnx'] limit 1001) m`, 'models_facets_idx'],
  // Two values only: the ordering index with a filter beats any index on the target itself.
  ['deployment target', `select id from models where version_count > 0 and deployment_targets @> array['EKS']::deployment_target[] order by updated_at desc, id desc limit 20`, 'models_updated_idx'],
  ['text query', `select id from models where search_vector @@ to_tsquery('simple', 'descr:* & 42:*')`, 'models_search_idx'],
  ['name substring', `select id from models where name ilike '%l-1234%'`, 'models_name_trgm_idx'],
  ['version filters', `select 1 from model_versions v where v.model_id = '00000000-0000-0000-0000-000000000000' and v.deleted_at is null and v.framework = 'xgboost' and v.state = 'draft'`, /model_versions_(model_live_idx|model_version_unique)/],
  ['exact version', `select model_id from model_versions where version = '9.0.0' and deleted_at is null`, 'model_versions_version_idx'],
  ['change feed', `select id from model_versions where (change_xid, change_seq) > ('1'::xid8, 100) order by change_xid, change_seq limit 1000`, 'model_versions_change_idx'],
  ['team change feed', `select id from model_versions where team_id = $TEAM and (change_xid, change_seq) > ('1'::xid8, 100) order by change_xid, change_seq limit 1000`, /model_versions_(team_)?change_idx/],
];

describe('indexes', () => {
  it.each(PREDICATES)('serve the %s predicate', async (_, query, index) => {
    const [team] = await database.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'team-7'));
    const rows = await database.db.transaction(async (tx) => {
      // A table this small is often cheaper to read whole; the question is whether the index can serve.
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = (await tx.execute(sql.raw(`explain ${query.replace('$TEAM', `'${team!.id}'`)}`))) as unknown as {
        rows: { 'QUERY PLAN': string }[];
      };
      return plan.rows;
    });
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(index);
  });
});
