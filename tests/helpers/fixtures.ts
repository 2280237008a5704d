import type { Database } from '../../db/client';
import type { TeamRole, TokenScope } from '../../server/auth/principal';
import type { RegisterModelBody } from '../../server/schemas/register';
import { ensureTeam } from '../../server/services/teams/find';
import { createToken } from '../../server/services/tokens/create';

/** A team slug no other test uses, so tests sharing the app's database stay apart. */
export const uniqueSlug = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** An API token for a team (created if needed), straight through the token service. */
export async function tokenFor(
  db: Database,
  team: string,
  options: { scopes?: TokenScope[]; role?: TeamRole; expiresAt?: Date } = {},
): Promise<string> {
  const scopes = options.scopes ?? ['read', 'write'];
  const { team: row } = await ensureTeam(db, team);
  const { token } = await createToken(db, {
    name: 'test',
    teamId: row.id,
    role: options.role ?? (scopes.includes('write') ? 'contributor' : 'viewer'),
    scopes,
    expiresAt: options.expiresAt ?? new Date(Date.now() + 3_600_000),
    createdBy: null,
  });
  return token;
}

export const lambdaConfig = { memoryMb: 2048, timeoutSeconds: 30, ephemeralStorageMb: 512, architecture: 'arm64' };
export const eksConfig = { minReplicas: 2, maxReplicas: 4, cpu: '2', memoryMiB: 8192, gpu: { type: 'nvidia-t4', count: 1 } };

/** A valid registration body; override any field. */
export function registration(overrides: Partial<Record<keyof RegisterModelBody, unknown>> & Record<string, unknown> = {}) {
  return {
    name: 'fraud-detector',
    version: '1.0.0',
    framework: 'xgboost',
    artifactUri: 's3://ml-models/fraud/1.0.0/model.tar.gz',
    deploymentTarget: 'LAMBDA',
    deploymentConfig: lambdaConfig,
    ...overrides,
  };
}
