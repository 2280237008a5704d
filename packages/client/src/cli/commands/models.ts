import { Command, Option } from 'commander';
import { DEPLOYMENT_TARGETS, FRAMEWORKS, VERSION_STATES } from '@/db/schema/vocabulary';
import { listModelsInput, MODEL_SORTS } from '@/server/schemas/model';
import { uuidSchema } from '@/server/schemas/common';
import { clientFor, connection } from '../connection';
import { CliError, EXIT } from '../exit-codes';
import { given, validate } from '../input';
import { day, note, printJson, printTable } from '../output';

const list = new Command('list')
  .description('List and search models (the catalog)')
  .option('--q <text>', 'text search over name, description and tags')
  .option('--team <slug>')
  .addOption(new Option('--framework <name>').choices(FRAMEWORKS))
  .addOption(new Option('--target <target>', 'deployment target').choices(DEPLOYMENT_TARGETS))
  .addOption(new Option('--state <state>', 'lifecycle state of a version').choices(VERSION_STATES))
  .option('--tag <tag>')
  .addOption(new Option('--sort <sort>').choices(MODEL_SORTS))
  .addOption(new Option('--order <order>').choices(['asc', 'desc']))
  .option('--limit <n>', 'page size, 1-100', Number)
  .option('--offset <n>', 'skip this many', Number)
  .option('--cursor <cursor>', 'next page: the cursor printed by the previous page')
  .action(async (options, command: Command) => {
    const { target, ...rest } = options;
    const input = validate(listModelsInput, given({ ...rest, deploymentTarget: target }));
    const page = await clientFor(command).models.list.query(input);
    if (connection(command).json) return printJson(page);
    printTable(
      ['model', 'team', 'latest', 'framework', 'target', 'state', 'versions', 'updated', 'id'],
      page.items.map((m) => [
        m.name,
        m.team,
        m.latestVersion?.version,
        m.latestVersion?.framework,
        m.deploymentTargets.join(','),
        m.latestVersion?.state,
        m.versionCount,
        day(m.updatedAt),
        m.id,
      ]),
    );
    note(`${page.items.length} of ${page.total} models${page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : ''}`);
  });

const get = new Command('get')
  .description('One model with its versions, by id or as team/name')
  .argument('<model>', 'model id, or team/name')
  .addOption(new Option('--order <order>', 'order of versions').choices(['chronological', 'semver']))
  .action(async (model: string, options: { order?: 'chronological' | 'semver' }, command: Command) => {
    const client = clientFor(command);
    const [team, name, extra] = model.split('/');
    const byId = uuidSchema.safeParse(model).success;
    if (!byId && !(team && name && extra === undefined)) throw new CliError(`"${model}" is neither a model id nor team/name`, EXIT.validation);
    const detail = byId
      ? await client.models.get.query({ modelId: model, ...given(options) })
      : await client.models.getByName.query({ team: team!, name: name!, ...given(options) });
    if (connection(command).json) return printJson(detail);
    const { versions, ...summary } = detail;
    process.stdout.write(`${summary.team}/${summary.name}  (${summary.id})\n${summary.description ?? ''}\n`);
    printTable(
      ['version', 'framework', 'target', 'state', 'deployment', 'registered'],
      versions.map((v) => [v.version, v.framework, v.deploymentTarget, v.state, v.deploymentStatus, day(v.createdAt)]),
    );
  });

export const modelsCommand = new Command('models').description('Find models').addCommand(list).addCommand(get);
