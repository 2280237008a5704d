import pino from 'pino';
import { env } from '../env';

// Secrets and personal data never reach the log: these paths are censored wherever they appear.
const REDACT_PATHS = [
  'authorization',
  'cookie',
  'token',
  'secret',
  'password',
  'email',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.secret',
  '*.password',
  '*.email',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

const globalForLogger = globalThis as typeof globalThis & { __registryLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLogger.__registryLogger ??= pino({
  level: env.LOG_LEVEL,
  base: { service: 'model-registry' },
  redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  timestamp: pino.stdTimeFunctions.isoTime,
}));
