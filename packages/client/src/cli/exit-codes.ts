import type { ErrorCode } from '@/server/schemas/error';

/** What CI can rely on: the process's exit code for each outcome. */
export const EXIT = { ok: 0, validation: 1, auth: 2, notFound: 3, conflict: 4, server: 5 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_ERROR_CODE: Record<ErrorCode, ExitCode> = {
  VALIDATION_FAILED: EXIT.validation,
  PAYLOAD_TOO_LARGE: EXIT.validation,
  UNSUPPORTED_MEDIA_TYPE: EXIT.validation,
  CLIENT_OUTDATED: EXIT.validation,
  UNAUTHENTICATED: EXIT.auth,
  FORBIDDEN: EXIT.auth,
  NOT_FOUND: EXIT.notFound,
  CONFLICT: EXIT.conflict,
  RATE_LIMITED: EXIT.server,
  UNAVAILABLE: EXIT.server,
  INTERNAL: EXIT.server,
};

export const exitCodeFor = (code: ErrorCode | undefined): ExitCode => (code ? BY_ERROR_CODE[code] : EXIT.server);

/** A failure the CLI found itself (bad flags, unreadable file, missing token). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
