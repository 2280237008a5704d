import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { validationFailed } from '../errors/app-error';
import { renderError } from '../errors/render';
import { logFailure } from '../observability/failures';
import { listChangesInput } from '../schemas/change';
import { listModelsInput } from '../schemas/model';
import { versionKeySchema } from '../schemas/version';
import { resolveAliasInput } from '../schemas/alias';
import { deploymentHistoryInput } from '../schemas/deployment';
import { semverSchema } from '../schemas/common';
import { modelNameSchema, teamSlugSchema, uuidSchema } from '../schemas/common';
import type { callerFor } from '../identity/server-caller';
import { deploymentsSummary, governanceSummary, modelSummary, modelWithVersions, versionDetail } from './summaries';

type Caller = ReturnType<typeof callerFor>;

const searchInput = listModelsInput
  .pick({ q: true, team: true, deploymentTarget: true, framework: true, state: true, tag: true })
  .extend({ limit: z.number().int().min(1).max(25).default(10) });

const getModelInput = z.strictObject({
  modelId: uuidSchema.optional().meta({ description: 'The model id; or give team and name' }),
  team: teamSlugSchema.optional(),
  name: modelNameSchema.optional(),
});

/** The registry's MCP tools for one authenticated caller; each calls the same procedure as the API. */
export function registryMcpServer(caller: Caller, correlationId: string): McpServer {
  const server = new McpServer({ name: 'model-registry', version: '1.0.0' });

  /** A tool's answer: the JSON for the model to read, the same object as structured content. */
  async function answer(run: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
    try {
      const result = await run();
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };
    } catch (error) {
      // The error body a REST caller would get, as a tool error the model can act on.
      const rendered = renderError(error, correlationId);
      logFailure(error, rendered, { correlationId, route: 'mcp' });
      return { isError: true, content: [{ type: 'text', text: JSON.stringify(rendered.body) }] };
    }
  }

  server.registerTool(
    'search_models',
    {
      title: 'Search models',
      description:
        'Find models by text (name, description, tags) and filters. Returns each model with its latest version.',
      inputSchema: searchInput,
      annotations: { readOnlyHint: true },
    },
    (input) =>
      answer(async () => {
        const page = await caller.models.list(input);
        return { total: page.total, totalIsExact: page.totalIsExact, items: page.items.map(modelSummary) };
      }),
  );

  server.registerTool(
    'get_model',
    {
      title: 'Get a model',
      description: 'One model with its owners and every live version (oldest first). Give modelId, or team and name.',
      inputSchema: getModelInput,
      annotations: { readOnlyHint: true },
    },
    ({ modelId, team, name }) =>
      answer(async () => {
        if (modelId) return modelWithVersions(await caller.models.get({ modelId }));
        if (team && name) return modelWithVersions(await caller.models.getByName({ team, name }));
        throw validationFailed({ modelId: ['Give modelId, or both team and name'] });
      }),
  );

  server.registerTool(
    'get_version',
    {
      title: 'Get a model version',
      description: 'Every field of one version: artifact, deployment preferences, metrics, lineage, state.',
      inputSchema: versionKeySchema,
      annotations: { readOnlyHint: true },
    },
    (input) => answer(async () => versionDetail(await caller.versions.get(input))),
  );

  server.registerTool(
    'get_governance',
    {
      title: "Get a version's governance",
      description:
        'Lifecycle state, aliases, who requested and who approved it for staging and production, its history of moves, evaluation results, artifacts with checksums, and what the policy still requires for the next state.',
      inputSchema: versionKeySchema,
      annotations: { readOnlyHint: true },
    },
    (input) => answer(async () => governanceSummary(await caller.governance.get(input))),
  );

  server.registerTool(
    'resolve_alias',
    {
      title: 'Resolve a model alias',
      description:
        'The version team/name@alias points at (e.g. "production", "champion"; "latest" is the latest release), with its governance: who approved it and when.',
      inputSchema: resolveAliasInput,
      annotations: { readOnlyHint: true },
    },
    (input) =>
      answer(async () => {
        const version = await caller.aliases.resolve(input);
        const governance = await caller.governance.get({ modelId: version.modelId, version: version.version });
        return { alias: input.alias, version: versionDetail(version), governance: governanceSummary(governance) };
      }),
  );

  server.registerTool(
    'get_deployments',
    {
      title: "Get a model's deployments",
      description:
        'Where a model runs: which version serves what share of staging and production traffic now, since when, and (with `at`) at a past moment; with `version`, where that version is deployed and its latest deployments with their status and endpoint.',
      inputSchema: deploymentHistoryInput.omit({ environment: true }).extend({ version: semverSchema.optional() }),
      annotations: { readOnlyHint: true },
    },
    ({ version, ...input }) => answer(async () => deploymentsSummary(await caller.deployments.history(input), version)),
  );

  server.registerTool(
    'list_recent_changes',
    {
      title: 'List recent changes',
      description: 'Versions registered, updated or deregistered most recently, newest first.',
      inputSchema: listChangesInput,
      annotations: { readOnlyHint: true },
    },
    (input) => answer(async () => caller.versions.changes(input)),
  );

  return server;
}
