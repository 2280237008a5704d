import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../../server/errors/field-errors';
import { bucketNameProblem } from '../../server/schemas/common';
import { updateVersionInput } from '../../server/schemas/version';
import { decodeCursor, encodeCursor } from '../../server/services/models/cursor';
import { compareSemver } from '../../server/services/models/summary';

describe('SemVer ordering', () => {
  it('follows SemVer precedence, pre-releases before their release', () => {
    const at = new Date();
    const versions = ['1.10.0', '1.2.0', '1.0.0-alpha', '1.0.0', '1.0.0-alpha.1', '1.0.0-beta.11', '1.0.0-beta.2', '1.0.0-rc.1'];
    const sorted = versions.map((version) => ({ version, createdAt: at })).sort(compareSemver).map((v) => v.version);
    expect(sorted).toEqual(['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.2.0', '1.10.0']);
  });
});

describe('cursors', () => {
  it('round-trip and are tied to their sort order', () => {
    const cursor = { sort: 'name' as const, order: 'asc' as const, value: 'fraud-detector', id: crypto.randomUUID() };
    const raw = encodeCursor(cursor);
    expect(decodeCursor(raw, { sort: 'name', order: 'asc' })).toEqual(cursor);
    expect(() => decodeCursor(raw, { sort: 'name', order: 'desc' })).toThrow(/different sort order/);
    expect(() => decodeCursor('bm9wZQ', { sort: 'name', order: 'asc' })).toThrow(/not a cursor/);
  });
});

describe('S3 bucket names', () => {
  it.each(['ml-models', 'a.b.c', 'abc', 'x'.repeat(63)])('accepts %s', (name) => expect(bucketNameProblem(name)).toBeNull());
  it.each(['ab', 'x'.repeat(64), 'ML', 'a_b', '.abc', 'abc-', 'a..b', '10.0.0.1', 'sthree-x', 'amzn-s3-demo-x', 'x--x-s3'])(
    'refuses %s',
    (name) => expect(bucketNameProblem(name)).not.toBeNull(),
  );
});

describe('field errors', () => {
  it('reports a field named __proto__ like any other', () => {
    const { fieldErrors } = fieldErrorsFromIssues([{ code: 'unrecognized_keys', keys: ['__proto__'], path: [], message: '', input: {} }]);
    expect(Object.entries(fieldErrors)).toEqual([['__proto__', ['unknown field "__proto__"']]]);
  });
});

describe('version updates', () => {
  it('refuse identity fields and empty changes', () => {
    const modelId = crypto.randomUUID();
    expect(updateVersionInput.safeParse({ modelId, version: '1.0.0', tags: ['a'] }).success).toBe(true);
    expect(updateVersionInput.safeParse({ modelId, version: '1.0.0' }).error?.issues[0]?.message).toMatch(/nothing to update/);
    const immutable = updateVersionInput.safeParse({ modelId, version: '1.0.0', framework: 'onnx' });
    expect(immutable.error?.issues.map((i) => i.path.join('.'))).toEqual(['framework']);
  });
});
