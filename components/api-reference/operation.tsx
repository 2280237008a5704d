import { InlineCode } from './inline-code';
import { type Components, type JsonSchema, typeLabel } from './json-schema';
import { SchemaFields } from './schema-fields';

export interface OperationObject {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: JsonSchema }> }>;
}

const METHOD_COLORS: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  put: 'bg-amber-100 text-amber-900',
  delete: 'bg-rose-100 text-rose-900',
};

export function Operation({ method, path, operation, components }: { method: string; path: string; operation: OperationObject; components: Components }) {
  const body = operation.requestBody?.content['application/json']?.schema;
  return (
    <article id={`${method}-${path}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 className="flex flex-wrap items-center gap-3 text-lg font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-sm uppercase ${METHOD_COLORS[method] ?? ''}`}>{method}</span>
        <code className="break-all">/api/v1{path}</code>
      </h3>
      <p className="mt-1 font-medium">{operation.summary}</p>
      {operation.description && (
        <p className="mt-1 text-slate-700">
          <InlineCode text={operation.description} />
        </p>
      )}
      <p className="mt-1 text-sm text-slate-500">{operation.security?.length === 0 ? 'Public.' : 'Needs a bearer token.'}</p>

      {operation.parameters && operation.parameters.length > 0 && (
        <section className="mt-4">
          <h4 className="font-semibold">Parameters</h4>
          <ul className="space-y-1">
            {operation.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`} className="text-sm">
                <code className="font-semibold">{p.name}</code> <span className="text-slate-500">{p.in}, {typeLabel(p.schema, components)}</span>
                {p.required && <span className="ml-1 text-xs font-medium text-rose-700">required</span>}
                {(p.description ?? p.schema.description) && <span className="text-slate-600"> — {p.description ?? p.schema.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {body && (
        <section className="mt-4">
          <h4 className="font-semibold">Request body (JSON)</h4>
          <SchemaFields schema={body} components={components} />
        </section>
      )}

      <section className="mt-4">
        <h4 className="font-semibold">Responses</h4>
        <ul className="space-y-1 text-sm">
          {Object.entries(operation.responses).map(([status, response]) => {
            const schema = response.content?.['application/json']?.schema;
            return (
              <li key={status}>
                <code className="font-semibold">{status}</code> {response.description}
                {schema && <span className="text-slate-500"> — {typeLabel(schema, components)}</span>}
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}
