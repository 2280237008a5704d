'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-700">The page could not be shown. Try again; if it keeps failing, quote this reference: {error.digest ?? 'none'}.</p>
      <button type="button" onClick={reset} className="rounded bg-indigo-600 px-4 py-2 text-white hover:bg-indigo-700">
        Try again
      </button>
    </section>
  );
}
