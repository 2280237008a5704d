import semver from 'semver';
import { name as PACKAGE, version as CURRENT } from '@/packages/client/package.json';
import { AppError, validationFailed } from '../errors/app-error';
import { CLIENT_VERSION_HEADER } from '../schemas/wire-headers';

/**
 * The oldest release of the client package this API still serves. The package is released from
 * the same commit as the server; raise this when the API changes in a way older clients cannot
 * follow (a procedure removed or renamed, a field they send refused), so that they are told to
 * upgrade instead of failing in ways their users cannot read.
 */
export const OLDEST_SUPPORTED_CLIENT = '1.0.0';

/**
 * The refusal of a client package release this API no longer supports, naming the release to
 * install; null for supported releases and for callers that do not send the header (curl,
 * browsers, other languages).
 */
export function unsupportedClient(headers: Headers): AppError | null {
  const sent = headers.get(CLIENT_VERSION_HEADER);
  if (sent === null) return null;
  const version = semver.valid(sent);
  if (!version) return validationFailed({ [CLIENT_VERSION_HEADER]: ['must be a semantic version, e.g. 1.0.0'] });
  if (semver.gte(version, OLDEST_SUPPORTED_CLIENT)) return null;
  return new AppError(
    'CLIENT_OUTDATED',
    `${PACKAGE} ${version} is no longer supported by this registry; upgrade to ${CURRENT}: npm install ${PACKAGE}@^${CURRENT}`,
    { clientVersion: version, oldestSupported: OLDEST_SUPPORTED_CLIENT, upgradeTo: CURRENT },
  );
}
