import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { fieldErrorsFromIssues } from '@/server/errors/field-errors';
import { CliError, EXIT } from './exit-codes';

/** A JSON or YAML file (YAML is a superset of JSON) holding one object. */
export async function readObjectFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`, EXIT.validation);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON or YAML: ${(error as Error).message}`, EXIT.validation);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${path} must hold an object`, EXIT.validation);
  return value as Record<string, unknown>;
}

/** `--flag '{"a":1}'` as an object. */
export function jsonOption(flag: string) {
  return (text: string): Record<string, unknown> => {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw new CliError(`${flag} must be a JSON object, e.g. '{"memoryMb":2048}'`, EXIT.validation);
  };
}

/** Repeated `--metric auc=0.94` into { auc: 0.94 }. */
export function collectMetric(pair: string, metrics: Record<string, number> = {}): Record<string, number> {
  const match = /^([^=]+)=(.+)$/.exec(pair);
  const value = Number(match?.[2]);
  if (!match || !Number.isFinite(value)) throw new CliError(`--metric must be name=number, got "${pair}"`, EXIT.validation);
  return { ...metrics, [match[1]!]: value };
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Checks input with the API's own schema before sending it, for the same per-field messages. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { fieldErrors, formErrors } = fieldErrorsFromIssues(parsed.error.issues);
  throw new CliError(formErrors[0] ?? 'invalid input', EXIT.validation, fieldErrors);
}

/** Drops options the user did not give, so they do not override a file's fields. */
export const given = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
