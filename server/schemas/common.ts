import { z } from 'zod';
import type { Lineage } from '../../db/schema/json-columns';

// zod's messages as a person reads them, for every schema of the app (the client package's
// library entries leave this out, so as not to reconfigure their consumers' zod; its CLI keeps it).
import './zod-config';

export const uuidSchema = z.uuid();

/**
 * A number in a JSON body. trpc-to-openapi turns strings, booleans and arrays into numbers in
 * every number field of an object input (meant for query strings, applied to bodies too, and to
 * tRPC callers after a REST call: it mutates the schema); a pipe is opaque to it, so "30", true
 * and [30] stay refused.
 */
export const bodyNumber = <T extends z.ZodType<number, number>>(schema: T) => z.number().pipe(schema);

/** A boolean in a JSON body, kept from the same coercion (which makes any object `true`). */
export const bodyBoolean = () => z.boolean().pipe(z.boolean());

/**
 * A timestamp as cursors carry it (ISO 8601 in UTC, to the microsecond): a real date and time
 * that Postgres can take (it has no year 0), so a forged cursor is a 400, not a database error.
 */
export const cursorTimestampSchema = z.iso.datetime().refine((v) => !v.startsWith('0000'), 'is not a date Postgres can store');

/** Text a cursor carries back to Postgres, which cannot store the NUL character. */
export const cursorTextSchema = z.string().max(1024).refine((v) => !v.includes('\u0000'), 'must not contain the NUL character');

/** The error of an enum: "Required" when absent, else the allowed values. */
export const oneOf = (values: readonly string[]) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'Required' : `must be one of: ${values.join(', ')}`),
});

// SemVer 2.0.0, the regular expression published at semver.org.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const semverSchema = z
  .string()
  .max(128, 'must be at most 128 characters')
  .regex(SEMVER, 'must be a semantic version (SemVer 2.0.0), e.g. 1.2.0 or 2.0.0-rc.1')
  .meta({ description: 'SemVer 2.0.0 version', example: '1.2.0' });

export const modelNameSchema = z
  .string()
  .min(2, 'must be at least 2 characters')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, ".", "_" and "-"')
  .meta({ description: 'Model name, unique within its team', example: 'fraud-detector' });

export const teamSlugSchema = z
  .string()
  .min(2, 'must be at least 2 characters')
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and "-", starting with a letter or digit')
  .meta({ description: 'Team slug', example: 'fraud' });

export const tagSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'may contain letters, digits, ".", "_", ":", "/" and "-"');

export const tagsSchema = z
  .array(tagSchema)
  .max(50, 'at most 50 tags')
  .transform((tags) => [...new Set(tags)]);

export const descriptionSchema = z.string().max(20_000, 'must be at most 20,000 characters');

export const metricsSchema = z
  .record(z.string().min(1).max(128), z.number().refine(Number.isFinite, 'must be a finite number'))
  .refine((m) => Object.keys(m).length <= 200, 'at most 200 metrics')
  .meta({ description: 'Evaluation metrics by name', example: { auc: 0.94 } });

export const hyperparametersSchema = z
  .record(z.string().min(1).max(128), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((h) => Object.keys(h).length <= 500, 'at most 500 hyperparameters')
  .meta({ description: 'Training hyperparameters', example: { max_depth: 6 } });

// Lengths count UTF-8 bytes where S3 does.
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

const BUCKET_PREFIXES_RESERVED = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const BUCKET_SUFFIXES_RESERVED = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why an S3 bucket name breaks AWS's naming rules, or null when it is valid. */
export function bucketNameProblem(bucket: string): string | null {
  if (bucket.length < 3 || bucket.length > 63) return 'bucket name must be 3-63 characters';
  if (!/^[a-z0-9.-]+$/.test(bucket)) return 'bucket name may contain only lowercase letters, digits, "." and "-"';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(bucket)) return 'bucket name must begin and end with a letter or digit';
  if (bucket.includes('..')) return 'bucket name must not contain two adjacent periods';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bucket)) return 'bucket name must not be formatted as an IP address';
  if (BUCKET_PREFIXES_RESERVED.some((p) => bucket.startsWith(p))) return 'bucket name uses a reserved prefix';
  if (BUCKET_SUFFIXES_RESERVED.some((s) => bucket.endsWith(s))) return 'bucket name uses a reserved suffix';
  return null;
}

export const s3UriSchema = z
  .string()
  .max(1100)
  .superRefine((uri, ctx) => {
    const match = /^s3:\/\/([^/]*)\/(.*)$/.exec(uri);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'must be an S3 URI of the form s3://bucket/key' });
      return;
    }
    const [, bucket = '', key = ''] = match;
    const problem = bucketNameProblem(bucket);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    if (key.length === 0) ctx.addIssue({ code: 'custom', message: 'object key must not be empty' });
    else if (utf8Length(key) > 1024) ctx.addIssue({ code: 'custom', message: 'object key must be at most 1024 bytes' });
  })
  .meta({ description: 'S3 location of the artifact', example: 's3://ml-models/fraud/1.2.0/model.tar.gz' });

export const lineageSchema = z
  .strictObject({
    datasets: z.array(z.string().min(1).max(1024)).max(100, 'at most 100 datasets').optional(),
    trainingJobId: z.string().min(1).max(256).optional(),
    commitSha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/i, 'must be a 7-64 character hexadecimal commit SHA')
      .optional(),
    parentVersion: semverSchema.optional(),
    notes: z.string().max(5000, 'must be at most 5,000 characters').optional(),
  })
  .meta({ id: 'Lineage', description: 'Where the model came from' }) satisfies z.ZodType<Lineage>;

export const timestampSchema = z.iso.datetime({ offset: true });
