import { modelPath } from '@/server/portal-paths';

/** Picks two versions to see side by side; a plain GET form, so the comparison has an address. */
export function CompareForm({ modelId, versions }: { modelId: string; versions: string[] }) {
  const select = 'mt-1 block rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm';
  return (
    <form action={`${modelPath(modelId)}/compare`} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="compare-title">
      <h2 id="compare-title" className="w-full font-semibold">Compare two versions</h2>
      <div>
        <label htmlFor="compare-a" className="text-sm font-medium">Version</label>
        <select id="compare-a" name="a" defaultValue={versions[1]} className={select}>
          {versions.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="compare-b" className="text-sm font-medium">with</label>
        <select id="compare-b" name="b" defaultValue={versions[0]} className={select}>
          {versions.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </div>
      <button type="submit" className="rounded border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100">Compare</button>
    </form>
  );
}
