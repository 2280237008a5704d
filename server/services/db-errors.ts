/** Whether a database error (possibly wrapped by Drizzle) is a unique violation of the constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let e: unknown = error;
  while (typeof e === 'object' && e !== null) {
    const { code, constraint: name, cause } = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505') return name === constraint;
    e = cause;
  }
  return false;
}
