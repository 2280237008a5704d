import { expect } from 'vitest';
import { api } from './api';

type Caller = { token?: string; headers?: Record<string, string> };
const post = (path: string, who: Caller, body: unknown) => api(path, { method: 'POST', ...who, body });

/**
 * Moves a version along the lifecycle as a team would: the contributor asks for reviews and
 * promotes, the maintainer (a person) approves. Under a policy of one approval per state.
 */
export async function promote(base: string, to: 'approved_staging' | 'staging' | 'approved_prod' | 'production', contributor: Caller, maintainer: Caller) {
  const steps: [string, Caller, unknown][] = [
    ['reviews', contributor, { environment: 'staging' }],
    ['decisions', maintainer, { decision: 'approve' }],
    ['transitions', contributor, { to: 'staging' }],
    ['reviews', contributor, { environment: 'production' }],
    ['decisions', maintainer, { decision: 'approve' }],
    ['transitions', contributor, { to: 'production' }],
  ];
  const stops = { approved_staging: 2, staging: 3, approved_prod: 5, production: 6 };
  for (const [path, who, body] of steps.slice(0, stops[to])) {
    const res = await post(`${base}/${path}`, who, body);
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBeLessThan(300);
  }
}
