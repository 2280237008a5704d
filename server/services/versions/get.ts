import type { Database } from '@/db/client';
import type { Principal } from '../../auth/principal';
import type { ModelVersion } from '../../schemas/version';
import { toModelVersion } from '../models/serialize';
import { findLiveVersion } from './find';

export async function getVersion(
  db: Database,
  principal: Principal,
  key: { modelId: string; version: string },
): Promise<ModelVersion> {
  const { model, teamSlug, version } = await findLiveVersion(db, principal, key);
  return toModelVersion(version, { name: model.name, teamSlug });
}
