import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// CPU time from /proc, in seconds: what a process (or Postgres, all its processes) has spent so far.
// Fields 14–17 of /proc/<pid>/stat are utime, stime, cutime and cstime in clock ticks (100 per
// second on Linux); cutime/cstime hold the children that have exited (Postgres backends that ended).
const TICKS_PER_SECOND = 100;

function stat(pid: number): { ppid: number; own: number; children: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may contain spaces: count fields after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const at = (field: number) => Number(fields[field - 3]);
  return { ppid: at(4), own: at(14) + at(15), children: at(16) + at(17) };
}

/** One process's own CPU time. */
export function processCpuSeconds(pid: number): number {
  return (stat(pid)?.own ?? 0) / TICKS_PER_SECOND;
}

/** Postgres's CPU time: the postmaster (from its data directory), its live children and those that ended. */
export function postgresCpuSeconds(dataDirectory: string): number {
  const postmaster = Number(readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const main = stat(postmaster);
  let ticks = main ? main.own + main.children : 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === postmaster) ticks += child.own;
  }
  return ticks / TICKS_PER_SECOND;
}
