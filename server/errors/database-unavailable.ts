// Postgres SQLSTATEs meaning the server cannot serve right now (not that the query was wrong):
// connection exceptions (class 08), too many connections, and the server shutting down,
// restarting or starting up (57P01–57P03).
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '08P01', '53300', '57P01', '57P02', '57P03']);
// Socket errors of a driver that cannot reach the server.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
// node-postgres and the Neon driver report a lost or refused connection with these messages and no code.
const UNAVAILABLE_MESSAGE = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i;

/**
 * Whether an error (possibly wrapped by Drizzle, or an AggregateError of several addresses) says
 * the database could not be reached, as opposed to refusing what was asked of it.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNREACHABLE_CODES.has(code))) return true;
  if (typeof code !== 'string' && typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
