import { z } from 'zod';

// A value of the wrong kind, as a person reads it (API, forms, CLI): "Required" when missing,
// else what it must be, instead of zod's "Invalid input: expected record, received string".
const KINDS: Record<string, string> = {
  number: 'must be a number',
  int: 'must be a whole number',
  string: 'must be text',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a JSON object of names and values',
  record: 'must be a JSON object of names and values',
};

const kindMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  return issue.input === undefined ? 'Required' : KINDS[issue.expected];
};

// Once per process and per browser bundle, through common.ts, which every schema imports.
z.config({ customError: kindMessage });
