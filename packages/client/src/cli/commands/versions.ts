import { Command, Option } from 'commander';
import { DEPLOYMENT_TARGETS, FRAMEWORKS } from '@/db/schema/vocabulary';
import { registerModelInput } from '@/server/schemas/register';
import { deregisterVersionInput, updateVersionInput, type ModelVersion } from '@/server/schemas/version';
import { clientFor, connection } from '../connection';
import { CliError, EXIT } from '../exit-codes';
import { collect, collectMetric, given, jsonOption, readObjectFile, validate } from '../input';
import { note, printJson, printTable } from '../output';
import { approve, artifact, evaluate, move, requestChanges, status, submit, withdraw } from './governance';
import { deploy } from './deployments';

const fileOption = new Option('-f, --file <path>', 'the fields as a JSON or YAML file; flags override them');

const metadataOptions = (command: Command) =>
  command
    .option('--description <text>')
    .option('--tag <tag>', 'a tag (repeat for several)', collect)
    .option('--metric <name=value>', 'an evaluation metric (repeat for several)', collectMetric)
    .option('--config <json>', 'deployment preferences as JSON', jsonOption('--config'))
    .option('--lineage <json>', 'lineage as JSON (datasets, trainingJobId, commitSha, parentVersion, notes)', jsonOption('--lineage'));

interface MetadataFlags {
  file?: string;
  description?: string;
  tag?: string[];
  metric?: Record<string, number>;
  config?: Record<string, unknown>;
  lineage?: Record<string, unknown>;
}

const metadataFields = (o: MetadataFlags) =>
  given({ description: o.description, tags: o.tag, metrics: o.metric, deploymentConfig: o.config, lineage: o.lineage });

interface RegisterFlags extends MetadataFlags {
  name?: string;
  version?: string;
  framework?: string;
  artifactUri?: string;
  target?: string;
  team?: string;
  hyperparameters?: Record<string, unknown>;
}

function printVersion(v: ModelVersion) {
  printTable(
    ['field', 'value'],
    [
      ['model', `${v.team}/${v.modelName}`],
      ['version', v.version],
      ['framework', v.framework],
      ['artifact', v.artifactUri],
      ['target', v.deploymentTarget],
      ['preferences', JSON.stringify(v.deploymentConfig)],
      ['state', v.state],
      ['tags', v.tags.join(', ')],
      ['metrics', JSON.stringify(v.metrics)],
      ['model id', v.modelId],
      ['version id', v.id],
    ],
  );
}

const register = metadataOptions(
  new Command('register')
    .description('Register a model version (the model is created with its first version)')
    .addOption(fileOption)
    .option('--name <name>', 'model name')
    .option('--version <semver>', 'the SemVer version, e.g. 1.2.0')
    .addOption(new Option('--framework <name>').choices(FRAMEWORKS))
    .option('--artifact-uri <s3-uri>', 's3://bucket/key of the artifact')
    .addOption(new Option('--target <target>', 'deployment target').choices(DEPLOYMENT_TARGETS))
    .option('--team <slug>', 'needed when the token may write to several teams')
    .option('--hyperparameters <json>', 'training hyperparameters as JSON', jsonOption('--hyperparameters')),
).action(async (options: RegisterFlags, command: Command) => {
  const fromFile = options.file ? await readObjectFile(options.file) : {};
  const body = {
    ...fromFile,
    ...given({
      name: options.name,
      version: options.version,
      framework: options.framework,
      artifactUri: options.artifactUri,
      deploymentTarget: options.target,
      team: options.team,
      hyperparameters: options.hyperparameters,
    }),
    ...metadataFields(options),
  };
  const created = await clientFor(command).models.register.mutate(validate(registerModelInput, body));
  if (connection(command).json) return printJson(created);
  note(`Registered ${created.version.team}/${created.version.modelName} ${created.version.version}`);
  printVersion(created.version);
});

const update = metadataOptions(
  new Command('update')
    .description("Change a version's metadata (description, tags, metrics, preferences, lineage)")
    .argument('<modelId>')
    .argument('<version>')
    .addOption(fileOption),
).action(async (modelId: string, version: string, options: MetadataFlags, command: Command) => {
  const fromFile = options.file ? await readObjectFile(options.file) : {};
  const input = validate(updateVersionInput, { ...fromFile, ...metadataFields(options), modelId, version });
  const updated = await clientFor(command).versions.update.mutate(input);
  if (connection(command).json) return printJson(updated);
  note(`Updated ${updated.team}/${updated.modelName} ${updated.version}`);
  printVersion(updated);
});

const deregister = new Command('deregister')
  .description('Deregister a version (it disappears; its number is never reused)')
  .argument('<modelId>')
  .argument('<version>')
  .option('--reason <text>', "why, shown on the version's tombstone")
  .option('--yes', 'confirm: deregistration cannot be undone')
  .action(async (modelId: string, version: string, options: { yes?: boolean; reason?: string }, command: Command) => {
    const input = validate(deregisterVersionInput, { modelId, version, reason: options.reason });
    if (!options.yes) throw new CliError(`deregistering ${version} cannot be undone: add --yes to confirm`, EXIT.validation);
    await clientFor(command).versions.deregister.mutate(input);
    if (connection(command).json) return printJson({ deregistered: input });
    note(`Deregistered ${version} of model ${modelId}`);
  });

export const versionsCommand = new Command('versions')
  .description('Register and change model versions, and move them through the lifecycle')
  .addCommand(register)
  .addCommand(update)
  .addCommand(deregister)
  .addCommand(submit)
  .addCommand(approve)
  .addCommand(requestChanges)
  .addCommand(withdraw)
  .addCommand(move)
  .addCommand(status)
  .addCommand(deploy)
  .addCommand(evaluate)
  .addCommand(artifact);
