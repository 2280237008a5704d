import Link from 'next/link';

export default function HomePage() {
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Model Registry</h1>
      <p className="text-slate-700">
        Register trained models with their versions, artifacts and deployment preferences, find them in one catalog,
        and hand them to EKS or Lambda deployments.
      </p>
      <p className="text-slate-700">
        Scripts use the REST API under <code className="rounded bg-slate-100 px-1">/api/v1</code> or the typed tRPC
        client at <code className="rounded bg-slate-100 px-1">/api/trpc</code> with an API token (
        <code className="rounded bg-slate-100 px-1">npm run token -- create --team fraud --scopes read,write</code>).
      </p>
      <Link href="/docs/api" className="inline-block rounded bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700">
        Read the API reference
      </Link>
    </section>
  );
}
