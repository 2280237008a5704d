import type { ModelVersion } from '../../schemas/version';
import { toModelVersion } from '../models/serialize';
import { findLiveVersion } from './find';
import { READ, operation } from '../operation';

export const getVersion = operation(READ, async ({ db, actor: { principal } }, key: { modelId: string; version: string }): Promise<ModelVersion> => {
  const { model, teamSlug, version } = await findLiveVersion(db, principal, key);
  return toModelVersion(version, { name: model.name, teamSlug });
});
