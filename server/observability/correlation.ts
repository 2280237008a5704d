export const CORRELATION_HEADER = 'x-correlation-id';

// A caller's id is kept only when it is safe to echo and to log.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdOf(headers: Headers): string {
  const given = headers.get(CORRELATION_HEADER);
  return given && ACCEPTABLE_ID.test(given) ? given : crypto.randomUUID();
}
