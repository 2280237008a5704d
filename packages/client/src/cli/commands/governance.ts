import { Argument, Command, Option } from 'commander';
import { ARTIFACT_TYPES, ENVIRONMENTS, VERSION_STATES } from '@/db/schema/vocabulary';
import { setAliasInput, resolveAliasInput } from '@/server/schemas/alias';
import { addArtifactInput, recordEvaluationInput } from '@/server/schemas/evidence';
import type { VersionGovernance } from '@/server/schemas/governance';
import { decisionInput, openReviewInput, transitionInput, withdrawReviewInput } from '@/server/schemas/lifecycle';
import { POLICY_STATES, policyCheckInput, type PolicyCheck } from '@/server/schemas/policy';
import { clientFor, connection } from '../connection';
import { CliError, EXIT } from '../exit-codes';
import { collectMetric, given, readObjectFile, validate } from '../input';
import { note, printJson, printTable } from '../output';

// Lifecycle, evidence, aliases and policy checks for scripts and CI pipelines. Decisions need a
// token a person made (it decides as them); an operator's token is refused.

function printChecks(checks: PolicyCheck[]) {
  for (const check of checks) {
    note(`policy for ${check.to}: ${check.allowed ? 'met' : 'NOT met'} (${check.policy.source} rules)`);
    for (const c of check.conditions) note(`  ${c.met ? '✓' : '✗'} ${c.requirement} — ${c.detail}`);
  }
}

function printGovernance(g: VersionGovernance) {
  note(`state: ${g.state}${g.aliases.length ? ` · aliases ${g.aliases.map((a) => `@${a}`).join(', ')}` : ''}`);
  if (g.openReview) note(`open ${g.openReview.environment} review by ${g.openReview.requestedBy.name}, ${g.openReview.approvals.filter((a) => !a.withdrawnAt).length} approval(s)`);
  printChecks(g.checks);
}

const done = (command: Command, g: VersionGovernance, what: string) => {
  if (connection(command).json) return printJson(g);
  note(what);
  printGovernance(g);
};

const versionArgs = (command: Command) => command.argument('<modelId>').argument('<version>');

export const submit = versionArgs(new Command('submit').description('Ask maintainers to review a version (staging from a draft, production from staging)'))
  .addOption(new Option('--environment <env>').choices(ENVIRONMENTS).default('staging'))
  .option('--comment <text>')
  .action(async (modelId: string, version: string, o: { environment: string; comment?: string }, command: Command) => {
    const input = validate(openReviewInput, given({ modelId, version, environment: o.environment, comment: o.comment }));
    done(command, await clientFor(command).governance.openReview.mutate(input), `Review for ${o.environment} opened`);
  });

const decision = (name: 'approve' | 'request-changes', description: string) =>
  versionArgs(new Command(name).description(description))
    .option('--comment <text>', name === 'approve' ? 'why' : 'what should change (required)')
    .action(async (modelId: string, version: string, o: { comment?: string }, command: Command) => {
      const input = validate(decisionInput, given({ modelId, version, decision: name === 'approve' ? 'approve' : 'request_changes', comment: o.comment }));
      done(command, await clientFor(command).governance.decide.mutate(input), name === 'approve' ? 'Approved' : 'Changes requested');
    });

export const approve = decision('approve', 'Approve the open review (maintainers, with a token they made; never their own request)');
export const requestChanges = decision('request-changes', 'Request changes on the open review, saying what should change');

export const withdraw = versionArgs(new Command('withdraw').description('Withdraw the open review'))
  .option('--comment <text>')
  .action(async (modelId: string, version: string, o: { comment?: string }, command: Command) => {
    const input = validate(withdrawReviewInput, given({ modelId, version, comment: o.comment }));
    done(command, await clientFor(command).governance.withdrawReview.mutate(input), 'Review withdrawn');
  });

export const move = versionArgs(new Command('move').description('Move a version along the lifecycle: staging, production, deprecated, retired'))
  .addArgument(new Argument('<state>').choices(VERSION_STATES))
  .option('--comment <text>')
  .action(async (modelId: string, version: string, to: string, o: { comment?: string }, command: Command) => {
    const input = validate(transitionInput, given({ modelId, version, to, comment: o.comment }));
    done(command, await clientFor(command).governance.transition.mutate(input), `Moved to ${to}`);
  });

export const status = versionArgs(new Command('governance').description("A version's state, open review, aliases and the checklists of its next states")).action(
  async (modelId: string, version: string, _o: unknown, command: Command) => {
    const g = await clientFor(command).governance.get.query({ modelId, version });
    if (connection(command).json) return printJson(g);
    printGovernance(g);
    printTable(['at', 'move', 'asked by', 'decided by'], g.transitions.map((t) => [t.at.slice(0, 16), `${t.from} → ${t.to}`, t.requestedBy.name, t.decidedBy.map((p) => p.name).join(', ')]));
  },
);

interface EvaluateFlags {
  file?: string;
  suite?: string;
  metric?: Record<string, number>;
  min?: Record<string, number>;
  max?: Record<string, number>;
  dataset?: string;
}

export const evaluate = versionArgs(new Command('evaluate').description('Record an evaluation suite\'s results; the registry decides whether it passed'))
  .option('-f, --file <path>', 'suite, metrics, thresholds, datasetRef as JSON or YAML; flags override them')
  .option('--suite <name>')
  .option('--metric <group.name=value>', 'a metric, e.g. safety.toxicity=0.01 (repeat)', collectMetric)
  .option('--min <group.name=value>', 'a lower bound, e.g. task.auc=0.9 (repeat)', collectMetric)
  .option('--max <group.name=value>', 'an upper bound, e.g. safety.toxicity=0.05 (repeat)', collectMetric)
  .option('--dataset <ref>', 'the dataset evaluated on')
  .action(async (modelId: string, version: string, o: EvaluateFlags, command: Command) => {
    const fromFile = o.file ? await readObjectFile(o.file) : {};
    const metrics: Record<string, Record<string, number>> = { ...(fromFile.metrics as object) };
    for (const [key, value] of Object.entries(o.metric ?? {})) {
      const [group, ...name] = key.split('.');
      if (!group || name.length === 0) throw new CliError(`--metric ${key}: write it as group.name=value (task, bias, safety, robustness)`, EXIT.validation);
      metrics[group] = { ...metrics[group], [name.join('.')]: value };
    }
    const thresholds: Record<string, { min?: number; max?: number }> = { ...(fromFile.thresholds as object) };
    for (const side of ['min', 'max'] as const) {
      for (const [key, value] of Object.entries(o[side] ?? {})) thresholds[key] = { ...thresholds[key], [side]: value };
    }
    const input = validate(recordEvaluationInput, { ...fromFile, ...given({ suite: o.suite, datasetRef: o.dataset }), metrics, thresholds, modelId, version });
    const recorded = await clientFor(command).governance.recordEvaluation.mutate(input);
    if (connection(command).json) return printJson(recorded);
    note(`Evaluation ${recorded.suite}: ${recorded.passed ? 'passed' : 'FAILED'}`);
    for (const failure of recorded.failures) note(`  ✗ ${failure}`);
  });

export const artifact = versionArgs(new Command('artifact').description('Record an artifact of a version with its checksum'))
  .addOption(new Option('--type <type>').choices(ARTIFACT_TYPES).makeOptionMandatory())
  .requiredOption('--uri <s3-uri>')
  .option('--sha256 <hex>')
  .option('--size <bytes>', 'size in bytes', (v) => Number(v))
  .option('--license <name>')
  .action(async (modelId: string, version: string, o: { type: string; uri: string; sha256?: string; size?: number; license?: string }, command: Command) => {
    const input = validate(addArtifactInput, given({ modelId, version, type: o.type, uri: o.uri, sha256: o.sha256, sizeBytes: o.size, license: o.license }));
    const added = await clientFor(command).governance.addArtifact.mutate(input);
    if (connection(command).json) return printJson(added);
    note(`Recorded ${added.type} ${added.uri}`);
  });

/** `team/name@alias` into its parts. */
function aliasRef(ref: string) {
  const match = /^([^/]+)\/([^@]+)@(.+)$/.exec(ref);
  if (!match) throw new CliError(`${ref}: write it as team/name@alias`, EXIT.validation);
  return validate(resolveAliasInput, { team: match[1], name: match[2], alias: match[3] });
}

export const aliasesCommand = new Command('aliases')
  .description('Named pointers to versions (champion, production, …)')
  .addCommand(
    new Command('set')
      .description('Point an alias at a version')
      .argument('<modelId>')
      .argument('<alias>')
      .argument('<version>')
      .option('--comment <text>')
      .action(async (modelId: string, alias: string, version: string, o: { comment?: string }, command: Command) => {
        const moved = await clientFor(command).aliases.set.mutate(validate(setAliasInput, given({ modelId, alias, version, comment: o.comment })));
        if (connection(command).json) return printJson(moved);
        note(`@${moved.alias} → ${moved.version}`);
      }),
  )
  .addCommand(
    new Command('resolve')
      .description('The version team/name@alias points at')
      .argument('<ref>', 'team/name@alias')
      .action(async (ref: string, _o: unknown, command: Command) => {
        const version = await clientFor(command).aliases.resolve.query(aliasRef(ref));
        if (connection(command).json) return printJson(version);
        note(`${ref} → ${version.version} (${version.state})`);
      }),
  );

export const policyCommand = new Command('policy').description("Check a version against its team's policy").addCommand(
  new Command('check')
    .description('The checklist for moving a version to a state, changing nothing; exits 4 when the policy blocks it')
    .argument('<modelId>')
    .argument('<version>')
    .addArgument(new Argument('<state>').choices(POLICY_STATES))
    .option('-f, --file <path>', 'a draft policy document to check against instead of the saved one')
    .action(async (modelId: string, version: string, to: string, o: { file?: string }, command: Command) => {
      const document = o.file ? await readObjectFile(o.file) : undefined;
      const check = await clientFor(command).governance.checkPolicy.mutate(validate(policyCheckInput, given({ modelId, version, to, document })));
      if (connection(command).json) printJson(check);
      else printChecks([check]);
      if (!check.allowed) process.exitCode = EXIT.conflict;
    }),
);
