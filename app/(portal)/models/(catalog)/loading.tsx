// Only the catalog streams behind a skeleton: its query may take a moment. Other pages render
// whole, so that a missing model or version answers with a real 404 status.
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-24 rounded bg-slate-200" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
