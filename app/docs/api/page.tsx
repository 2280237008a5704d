import type { Metadata } from 'next';
import { connection } from 'next/server';
import { InlineCode } from '@/components/api-reference/inline-code';
import type { Components } from '@/components/api-reference/json-schema';
import { Operation, type OperationObject } from '@/components/api-reference/operation';
import { SchemaFields } from '@/components/api-reference/schema-fields';
import { config } from '@/server/config';
import { buildOpenApiDocument } from '@/server/openapi/document';

export const metadata: Metadata = { title: 'API reference' };

export default async function ApiReferencePage() {
  await connection();
  const document = buildOpenApiDocument(config.publicUrl);
  const components = (document.components?.schemas ?? {}) as Components;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OperationObject>).map(([method, operation]) => ({ path, method, operation })),
  );

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-slate-700">
          <InlineCode text={document.info.description ?? ''} />
        </p>
        <p className="text-sm text-slate-600">
          Base URL <code className="rounded bg-slate-100 px-1">{document.servers?.[0]?.url}</code> · machine-readable:{' '}
          <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
            openapi.json
          </a>{' '}
          · typed tRPC client at <code className="rounded bg-slate-100 px-1">/api/trpc</code> with the same shapes.
        </p>
        <nav aria-label="Operations">
          <ul className="flex flex-wrap gap-2 text-sm">
            {operations.map(({ path, method, operation }) => (
              <li key={`${method}-${path}`}>
                <a className="rounded border border-slate-200 bg-white px-2 py-1 hover:bg-slate-100" href={`#${method}-${path}`}>
                  {operation.summary}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section className="space-y-4">
        {operations.map(({ path, method, operation }) => (
          <Operation key={`${method}-${path}`} method={method} path={path} operation={operation} components={components} />
        ))}
      </section>

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-lg font-semibold">Deployment preferences</h2>
        <p className="text-slate-700">
          <InlineCode text="`deploymentConfig` takes the shape of its `deploymentTarget`." />
        </p>
        {(['LambdaDeploymentConfig', 'EksDeploymentConfig'] as const).map((name) =>
          components[name] ? (
            <div key={name}>
              <h3 className="font-semibold">{name === 'LambdaDeploymentConfig' ? 'LAMBDA' : 'EKS'}</h3>
              <SchemaFields schema={components[name]} components={components} />
            </div>
          ) : null,
        )}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-lg font-semibold">Errors</h2>
        <p className="text-slate-700">Every error answers with this body and the HTTP status that fits.</p>
        {components.Error && <SchemaFields schema={components.Error} components={components} />}
      </section>
    </div>
  );
}
