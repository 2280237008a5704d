import pino from 'pino';
import { config } from '../config';

// Secrets and personal data never reach the log: fields with these names are censored wherever
// they appear, and strings are cleaned of tokens, bearer credentials and e-mail addresses.
const SECRET_KEY = /authorization|cookie|token|secret|password|email|set-cookie/i;
const SECRET_TEXT: [RegExp, string][] = [
  [/\bBearer\s+[^\s",]+/gi, 'Bearer [redacted]'],
  [/\bmlr_[A-Za-z0-9_-]+/g, 'mlr_[redacted]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
];

const scrubText = (text: string) => SECRET_TEXT.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);

/**
 * A copy of a log record with secrets removed, to any depth. Errors are serialized first (type,
 * message, stack, cause and their own fields): their message and stack are not enumerable, so
 * scrubbing them as plain objects would log `{}`.
 */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return scrub(pino.stdSerializers.errWithCause(value), depth);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) && v != null ? '[redacted]' : scrub(v, depth + 1)]),
  );
}

export const loggerOptions: pino.LoggerOptions = {
  level: config.logLevel,
  base: { service: 'model-registry' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { log: (record) => scrub(record) as Record<string, unknown> },
  // pino runs its serializers after the formatter above, which has already serialized and
  // scrubbed errors; its own error serializer would serialize them again as plain objects.
  serializers: { err: (value: unknown) => value },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
    },
  },
};

const globalForLogger = globalThis as typeof globalThis & { __registryLogger?: pino.Logger };

globalForLogger.__registryLogger ??= pino(loggerOptions);
export const logger: pino.Logger = globalForLogger.__registryLogger;
