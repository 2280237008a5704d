import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { DEPLOYMENT_TARGETS, VERSION_STATES } from '@/db/schema/vocabulary';
import { ragExportQuery } from '@/server/schemas/rag-export';
import { exportRag } from '../../export-reader';
import { connection } from '../connection';
import { given, validate } from '../input';
import { note } from '../output';

async function write(out: Writable, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

const rag = new Command('rag')
  .description('Stream the RAG export (NDJSON) to stdout or a file; the last line holds the cursor for --since')
  .option('--since <cursor>', 'only what changed after this cursor (deletions included)')
  .option('--team <slug>')
  .addOption(new Option('--target <target>', 'deployment target').choices(DEPLOYMENT_TARGETS))
  .addOption(new Option('--state <state>').choices(VERSION_STATES))
  .option('-o, --output <file>', 'write here instead of stdout')
  .action(async (options: { since?: string; team?: string; target?: string; state?: string; output?: string }, command: Command) => {
    const query = validate(ragExportQuery, given({ since: options.since, team: options.team, deploymentTarget: options.target, state: options.state }));
    const { lines, cursor } = await exportRag(connection(command), query);
    const out = options.output ? createWriteStream(options.output) : process.stdout;
    // A progress bar only for a person watching; never mixed into piped output.
    const bar = process.stderr.isTTY ? new SingleBar({ format: 'exporting {value} documents · {rate}/s', stream: process.stderr }) : null;
    bar?.start(0, 0, { rate: 0 });
    const started = Date.now();
    let count = 0;
    for await (const line of lines) {
      await write(out, `${JSON.stringify(line)}\n`);
      if (line.op !== 'end') count++;
      if (bar && count % 500 === 0) bar.update(count, { rate: Math.round(count / ((Date.now() - started) / 1000 || 1)) });
    }
    bar?.stop();
    if (out !== process.stdout) {
      out.end();
      await once(out, 'finish');
    }
    note(`${count} documents; resume with --since ${cursor}`);
  });

export const exportCommand = new Command('export').description('Bulk exports').addCommand(rag);
