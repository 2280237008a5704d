import type { TrafficShare } from '@/db/schema/json-columns';
import { conflict } from '../../errors/app-error';

/**
 * An environment's traffic once `version` takes `percent` of it: the versions already serving
 * share the rest in their current proportions (largest remainders round), so shares always sum to
 * 100. A version taking 100% replaces them all; the first version in an environment must.
 */
export function allocate(current: readonly TrafficShare[], next: Omit<TrafficShare, 'percent'>, percent: number): TrafficShare[] {
  const others = current.filter((s) => s.versionId !== next.versionId);
  if (percent === 100) return [{ ...next, percent: 100 }];
  const weight = others.reduce((sum, s) => sum + s.percent, 0);
  if (!others.length || weight === 0) {
    throw conflict(`Nothing else serves this environment: ${next.version} must take all of its traffic (100%)`, { serving: current });
  }
  const rest = 100 - percent;
  const exact = others.map((s) => ({ share: s, value: (s.percent * rest) / weight }));
  const shares = exact.map((e) => ({ ...e.share, percent: Math.floor(e.value) }));
  let missing = rest - shares.reduce((sum, s) => sum + s.percent, 0);
  for (const i of exact.map((e, i) => ({ i, r: e.value - Math.floor(e.value) })).sort((a, b) => b.r - a.r).map((x) => x.i)) {
    if (missing-- <= 0) break;
    shares[i]!.percent += 1;
  }
  return [{ ...next, percent }, ...shares.filter((s) => s.percent > 0)];
}
