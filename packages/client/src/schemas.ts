// The API's own zod schemas and vocabularies, for checking input before sending it (with the
// API's field messages) and for the types of what it answers. Only the wire contract is here.
export * from '@/db/schema/vocabulary';
export * from '@/server/schemas/alias';
export * from '@/server/schemas/audit';
export * from '@/server/schemas/common';
export * from '@/server/schemas/deployment';
export * from '@/server/schemas/deployment-config';
export * from '@/server/schemas/error';
export * from '@/server/schemas/evidence';
export * from '@/server/schemas/governance';
export * from '@/server/schemas/lifecycle';
export * from '@/server/schemas/model';
export * from '@/server/schemas/policy';
export * from '@/server/schemas/rag-export';
export * from '@/server/schemas/register';
export * from '@/server/schemas/token';
export * from '@/server/schemas/version';
export * from '@/server/schemas/webhook';
export * from '@/server/schemas/wire-headers';
