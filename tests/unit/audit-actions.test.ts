import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_GROUPS } from '../../components/audit/actions';

const root = path.resolve(import.meta.dirname, '../..');

/** Every action text the services and scripts record (`action: 'x.y'`, either side of a choice). */
function recordedActions(): string[] {
  const files = ['server/services', 'scripts'].flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, dir, f)));
  const found = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/action: ([^,}\n]*)/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/'([a-z]+\.[a-z_]+)'/g)].map((a) => a[1] as string)));
  return [...new Set(found)].sort();
}

describe("the audit page's action picker", () => {
  it('offers every action the registry records, and none it does not', () => {
    const offered = AUDIT_ACTION_GROUPS.flatMap((g) => g.actions).sort();
    expect(recordedActions().length).toBeGreaterThan(25);
    expect(offered).toEqual(recordedActions());
  });
});
