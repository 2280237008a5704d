import { describe, expect, it } from 'vitest';
import { type LiveVersion, summarizeLiveVersions } from '../../server/services/models/summary';

const version = (v: string, at: number, fields: Partial<LiveVersion> = {}): LiveVersion => ({
  id: `id-${v}`,
  version: v,
  createdAt: new Date(at),
  tags: [],
  description: null,
  deploymentTarget: 'LAMBDA',
  framework: 'xgboost',
  ...fields,
});

describe("a model's summary of its live versions", () => {
  it('takes the latest release by SemVer precedence, not by registration order, and a pre-release only without a release', () => {
    const summary = summarizeLiveVersions([version('1.10.0', 1), version('1.9.0', 2), version('2.0.0-rc.1', 3)]);
    expect(summary.latestVersionId).toBe('id-1.10.0');
    expect(summarizeLiveVersions([version('2.0.0-rc.1', 1), version('2.0.0', 2)]).latestVersionId).toBe('id-2.0.0');
    expect(summarizeLiveVersions([version('2.0.0-rc.1', 1), version('2.0.0-rc.2', 2)]).latestVersionId).toBe('id-2.0.0-rc.2');
    // The sort key orders like precedence: a release after its pre-releases, numbers as numbers.
    const keys = ['1.9.0', '1.10.0', '2.0.0-rc.1', '2.0.0'].map((v) => summarizeLiveVersions([version(v, 1)]).latestVersionSort!);
    expect([...keys].sort()).toEqual(keys);
  });

  it('unions tags, lists targets and facets, and keeps the newest description', () => {
    const summary = summarizeLiveVersions([
      version('1.0.0', 1, { tags: ['tabular', 'gpu'], description: 'first' }),
      version('1.1.0', 2, { tags: ['gpu'], deploymentTarget: 'EKS', framework: 'pytorch' }),
    ]);
    expect(summary).toMatchObject({ versionCount: 2, tags: ['gpu', 'tabular'], deploymentTargets: ['EKS', 'LAMBDA'], description: 'first' });
    expect(summary.facets).toEqual(expect.arrayContaining(['tag:gpu', 'target:EKS', 'framework:pytorch', 'kind:EKS/pytorch', 'kind:LAMBDA/xgboost']));
    expect(summary.facets).not.toContain('kind:EKS/xgboost');
  });

  it('is empty when no version is live', () => {
    expect(summarizeLiveVersions([])).toEqual({
      latest: null,
      latestVersionId: null,
      latestVersionSort: null,
      versionCount: 0,
      tags: [],
      deploymentTargets: [],
      facets: [],
      description: null,
    });
  });
});
