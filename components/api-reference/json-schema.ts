// The slice of JSON Schema the reference page reads.
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  format?: string;
  additionalProperties?: JsonSchema | boolean;
  not?: JsonSchema;
}

export type Components = Record<string, JsonSchema>;

export function resolve(schema: JsonSchema, components: Components): JsonSchema {
  if (!schema.$ref) return schema;
  const target = components[schema.$ref.replace('#/components/schemas/', '')] ?? {};
  return { ...resolve(target, components), description: schema.description ?? target.description };
}

/** A short type label: "string", "integer[]", "EksDeploymentConfig", "a | b". */
export function typeLabel(schema: JsonSchema, components: Components): string {
  if (schema.$ref) return schema.$ref.replace('#/components/schemas/', '');
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(v, components)).join(' | ');
  if (schema.type === 'array' && schema.items) return `${typeLabel(schema.items, components)}[]`;
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return `map of ${typeLabel(schema.additionalProperties, components) || 'any'}`;
  }
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '');
}

export function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined || schema.maximum !== undefined) out.push(`${schema.minimum ?? '…'}–${schema.maximum ?? '…'}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    out.push(`length ${schema.minLength ?? 0}–${schema.maxLength ?? '…'}`);
  }
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.format) out.push(schema.format);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.not) out.push('immutable: must not be sent');
  return out;
}
