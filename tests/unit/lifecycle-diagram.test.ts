import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_EDGES } from '../../server/services/governance/lifecycle';

describe("the README's lifecycle diagram", () => {
  it('draws exactly the moves the lifecycle allows', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const diagram = /```mermaid\nstateDiagram-v2\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const drawn = [...diagram.matchAll(/^ {2}(\w+) --> (\w+): (\w+) \((\w+)\)$/gm)].map(([, from, to, kind, role]) => `${from}>${to}:${kind}:${role}`);
    expect(drawn.sort()).toEqual(LIFECYCLE_EDGES.map((e) => `${e.from}>${e.to}:${e.kind}:${e.role}`).sort());
  });
});
