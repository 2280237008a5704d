import type { RenderedError } from '../errors/render';
import { logger } from './logger';

/**
 * Logs what a caller was not told: the cause of an unexpected error (with its stack), and that
 * the database could not be reached. Refusals of the caller's input are not failures; the
 * request line records their status.
 */
export function logFailure(error: unknown, rendered: RenderedError, fields: { correlationId: string; route: string }) {
  if (rendered.body.code === 'INTERNAL') logger.error({ err: error, ...fields }, 'request failed');
  else if (rendered.body.code === 'UNAVAILABLE') logger.warn({ err: error, ...fields }, 'database unavailable');
}
