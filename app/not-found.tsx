import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-700">There is nothing here, or nothing you may see.</p>
      <Link href="/" className="text-indigo-700 underline">
        Back to the registry
      </Link>
    </section>
  );
}
