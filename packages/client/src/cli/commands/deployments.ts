import { Argument, Command, Option } from 'commander';
import { ENVIRONMENTS, EVENT_TYPES, REPORTED_DEPLOYMENT_STATUSES } from '@/db/schema/vocabulary';
import { type Deployment, deployInput, deploymentHistoryInput, reportDeploymentInput, rollbackInput } from '@/server/schemas/deployment';
import { createWebhookInput, listDeliveriesInput, redeliverInput } from '@/server/schemas/webhook';
import { clientFor, connection } from '../connection';
import { CliError, EXIT } from '../exit-codes';
import { collect, given, validate } from '../input';
import { note, printJson, printTable } from '../output';

// Deployments (ask, follow, roll back, and — for pipelines with a deploy token — report) and the
// team's webhooks.

const percent = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new CliError(`--traffic must be a whole percentage, got "${value}"`, EXIT.validation);
  return n;
};
const split = (d: Pick<Deployment, 'allocation'>) => d.allocation.map((s) => `${s.version} ${s.percent}%`).join(', ');

function printDeployment(command: Command, d: Deployment, what: string) {
  if (connection(command).json) return printJson(d);
  note(`${what}: deployment ${d.id} of ${d.model} ${d.version} to ${d.environment} (${split(d)}) is ${d.status}`);
}

export const deploy = new Command('deploy')
  .description('Ask for a version to be deployed (staging by contributors, production by maintainers)')
  .argument('<modelId>')
  .argument('<version>')
  .addOption(new Option('--environment <env>').choices(ENVIRONMENTS).makeOptionMandatory())
  .option('--traffic <percent>', "the version's share of the environment's traffic (default 100)", percent)
  .option('--reason <text>')
  .option('--idempotency-key <key>', 'retrying with the same key answers the first deployment')
  .action(async (modelId: string, version: string, o: { environment: string; traffic?: number; reason?: string; idempotencyKey?: string }, command: Command) => {
    const input = validate(deployInput, given({ modelId, version, environment: o.environment, trafficPercent: o.traffic, reason: o.reason, idempotencyKey: o.idempotencyKey }));
    const accepted = await clientFor(command).deployments.deploy.mutate(input);
    printDeployment(command, accepted.deployment, 'Requested');
  });

export const deploymentsCommand = new Command('deployments')
  .description('Where versions run: history, events, rollback; reports from pipelines')
  .addCommand(
    new Command('list')
      .description('Which version served what share of each environment, from when to when')
      .argument('<modelId>')
      .addOption(new Option('--environment <env>').choices(ENVIRONMENTS))
      .option('--at <iso-time>', 'also show what served at this moment')
      .action(async (modelId: string, o: { environment?: string; at?: string }, command: Command) => {
        const history = await clientFor(command).deployments.history.query(validate(deploymentHistoryInput, given({ modelId, environment: o.environment, at: o.at })));
        if (connection(command).json) return printJson(history);
        for (const env of history.environments) {
          note(`${env.environment}: ${env.serving.length ? env.serving.map((p) => `${p.version} ${p.percent}%`).join(', ') : 'nothing deployed'}`);
          if (env.servingAt) note(`  at ${o.at}: ${env.servingAt.map((p) => `${p.version} ${p.percent}%`).join(', ') || 'nothing'}`);
          printTable(['from', 'to', 'version', 'share', 'asked by', 'why'], env.periods.map((p) => [p.from.slice(0, 16), p.to?.slice(0, 16) ?? 'now', p.version, `${p.percent}%`, p.requestedBy.name, p.reason]));
        }
      }),
  )
  .addCommand(
    new Command('events')
      .description('A deployment and every event reported about it')
      .argument('<deploymentId>')
      .action(async (deploymentId: string, _o: unknown, command: Command) => {
        const d = await clientFor(command).deployments.get.query({ deploymentId });
        if (connection(command).json) return printJson(d);
        note(`${d.model} ${d.version} → ${d.environment} (${split(d)}): ${d.status}${d.endpoint ? ` at ${d.endpoint}` : ''}`);
        printTable(['at', 'status', 'progress', 'message', 'by'], d.events.map((e) => [e.at.slice(0, 19), e.status, e.progress === null ? '' : `${e.progress}%`, e.error ?? e.message ?? e.endpoint, e.reportedBy.name]));
      }),
  )
  .addCommand(
    new Command('rollback')
      .description('Return an environment to what served it before its current deployment')
      .argument('<modelId>')
      .addOption(new Option('--environment <env>').choices(ENVIRONMENTS).makeOptionMandatory())
      .requiredOption('--reason <text>')
      .action(async (modelId: string, o: { environment: string; reason: string }, command: Command) => {
        const accepted = await clientFor(command).deployments.rollback.mutate(validate(rollbackInput, { modelId, environment: o.environment, reason: o.reason }));
        printDeployment(command, accepted.deployment, 'Rollback requested');
      }),
  )
  .addCommand(
    new Command('report')
      .description("A pipeline's report (needs a token with the deploy scope)")
      .argument('<deploymentId>')
      .addArgument(new Argument('<status>').choices(REPORTED_DEPLOYMENT_STATUSES))
      .option('--progress <percent>', 'how far along, 0-100', Number)
      .option('--message <text>')
      .option('--endpoint <url-or-arn>', 'what was deployed (required with succeeded)')
      .option('--error <text>', 'what failed (required with failed)')
      .action(async (deploymentId: string, status: string, o: { progress?: number; message?: string; endpoint?: string; error?: string }, command: Command) => {
        const input = validate(reportDeploymentInput, given({ deploymentId, status, progress: o.progress, message: o.message, endpoint: o.endpoint, error: o.error }));
        printDeployment(command, await clientFor(command).deployments.report.mutate(input), 'Reported');
      }),
  );

export const webhooksCommand = new Command('webhooks')
  .description("The team's webhook subscriptions and their delivery logs (maintainers)")
  .addCommand(
    new Command('list').action(async (_o: unknown, command: Command) => {
      const hooks = await clientFor(command).webhooks.list.query({});
      if (connection(command).json) return printJson(hooks);
      printTable(['id', 'team', 'url', 'events', 'enabled'], hooks.map((h) => [h.id, h.team, h.url, h.eventTypes.join(', ') || 'all', h.enabled ? 'yes' : `no (${h.disabledReason})`]));
    }),
  )
  .addCommand(
    new Command('add')
      .description('Subscribe an endpoint; prints its signing secret, this once')
      .argument('<url>')
      .option('--team <slug>')
      .option('--event <type>', `an event type to receive (repeat; default all): ${EVENT_TYPES.join(', ')}`, collect)
      .option('--description <text>')
      .action(async (url: string, o: { team?: string; event?: string[]; description?: string }, command: Command) => {
        const input = validate(createWebhookInput, given({ url, team: o.team, eventTypes: o.event, description: o.description }));
        const made = await clientFor(command).webhooks.create.mutate(input);
        if (connection(command).json) return printJson(made);
        note(`Webhook ${made.webhook.id} added. Its signing secret, shown this once:`);
        process.stdout.write(`${made.secret}\n`);
      }),
  )
  .addCommand(
    new Command('rotate')
      .description('A new signing secret; the old one signs beside it for the overlap')
      .argument('<webhookId>')
      .action(async (webhookId: string, _o: unknown, command: Command) => {
        const made = await clientFor(command).webhooks.rotateSecret.mutate({ webhookId });
        if (connection(command).json) return printJson(made);
        note(`New secret (the previous one also signs until ${made.webhook.secretRotatedUntil}):`);
        process.stdout.write(`${made.secret}\n`);
      }),
  )
  .addCommand(
    new Command('remove').argument('<webhookId>').action(async (webhookId: string, _o: unknown, command: Command) => {
      await clientFor(command).webhooks.remove.mutate({ webhookId });
      note('Webhook removed');
    }),
  )
  .addCommand(
    new Command('test')
      .description('Send a webhook.test event to the endpoint')
      .argument('<webhookId>')
      .action(async (webhookId: string, _o: unknown, command: Command) => {
        const queued = await clientFor(command).webhooks.test.mutate({ webhookId });
        if (connection(command).json) return printJson(queued);
        note(`Test event ${queued.eventId} queued (delivery ${queued.deliveryId})`);
      }),
  )
  .addCommand(
    new Command('deliveries')
      .description('The delivery log, newest first')
      .argument('<webhookId>')
      .option('--limit <n>', 'how many (1-100)', Number)
      .action(async (webhookId: string, o: { limit?: number }, command: Command) => {
        const log = await clientFor(command).webhooks.deliveries.query(validate(listDeliveriesInput, given({ webhookId, limit: o.limit })));
        if (connection(command).json) return printJson(log);
        printTable(
          ['created', 'event', 'type', 'status', 'attempts', 'last answer'],
          log.map((d) => {
            const last = d.attempts.at(-1);
            return [d.createdAt.slice(0, 19), d.eventId, d.eventType, d.status, d.attempts.length, last ? (last.error ?? `${last.statusCode} in ${last.durationMs} ms`) : ''];
          }),
        );
      }),
  )
  .addCommand(
    new Command('redeliver')
      .description('Send a past event to the endpoint again')
      .argument('<webhookId>')
      .argument('<eventId>')
      .action(async (webhookId: string, eventId: string, _o: unknown, command: Command) => {
        const queued = await clientFor(command).webhooks.redeliver.mutate(validate(redeliverInput, { webhookId, eventId }));
        if (connection(command).json) return printJson(queued);
        note(`Redelivery ${queued.deliveryId} queued`);
      }),
  );
