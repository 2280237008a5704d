#!/usr/bin/env node
import { Command } from 'commander';
// The command is a process of its own: it words zod's messages as the API does (the library
// entries leave their consumers' zod alone).
import '@/server/schemas/zod-config';
import { errorBodyOf } from '../errors';
import { exportCommand } from './commands/export';
import { modelsCommand } from './commands/models';
import { versionsCommand } from './commands/versions';
import { aliasesCommand, policyCommand } from './commands/governance';
import { deploymentsCommand, webhooksCommand } from './commands/deployments';
import { CliError, EXIT, exitCodeFor } from './exit-codes';
import { note } from './output';

/** Prints a failure (JSON under --json) and returns the exit code that names its kind. */
function report(error: unknown, json: boolean): number {
  const body = errorBodyOf(error);
  if (body) {
    if (json) note(JSON.stringify({ error: body }));
    else {
      note(`error: ${body.message} (${body.code}, trace ${body.traceId})`);
      const fieldErrors = (body.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
      for (const [field, messages] of Object.entries(fieldErrors)) note(`  ${field}: ${messages.join('; ')}`);
    }
    return exitCodeFor(body.code);
  }
  if (error instanceof CliError) {
    if (json) note(JSON.stringify({ error: { message: error.message, details: { fieldErrors: error.fieldErrors } } }));
    else {
      note(`error: ${error.message}`);
      for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) note(`  ${field}: ${messages.join('; ')}`);
    }
    return error.exitCode;
  }
  // Unreachable server, broken stream: nothing the caller's input can fix.
  note(`error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.server;
}

const program = new Command('registry')
  .description('The model registry from the command line. Exit codes: 0 ok, 1 invalid input, 2 auth, 3 not found, 4 conflict, 5 server.')
  .option('--url <url>', 'portal URL (default: $REGISTRY_URL or http://localhost:3000)')
  .option('--token <token>', 'API token (default: $REGISTRY_TOKEN)')
  .option('--json', 'print results as JSON, for pipes')
  .showHelpAfterError()
  .addCommand(modelsCommand)
  .addCommand(versionsCommand)
  .addCommand(aliasesCommand)
  .addCommand(policyCommand)
  .addCommand(deploymentsCommand)
  .addCommand(webhooksCommand)
  .addCommand(exportCommand);

program.parseAsync().catch((error: unknown) => {
  process.exitCode = report(error, program.opts<{ json?: boolean }>().json ?? false);
});
