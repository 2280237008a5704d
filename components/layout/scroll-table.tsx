import type { ReactNode } from 'react';

/**
 * A table wider than a phone, scrolling sideways inside its own region rather than the page: the
 * region is focusable so a keyboard can scroll it (axe: scrollable-region-focusable), and
 * positioned so that visually hidden text in it scrolls with it instead of widening the page.
 */
export function ScrollTable({ label, headers, children, className = 'rounded-lg border border-slate-200 bg-white' }: { label: string; headers: { key: string; content: ReactNode }[]; children: ReactNode; className?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard
    <section className={`relative overflow-x-auto ${className}`} aria-label={label} tabIndex={0}>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {headers.map((h) => (
              <th key={h.key} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {h.content}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

/** Column headers that are their own text. */
export const textHeaders = (names: readonly string[]) => names.map((name) => ({ key: name, content: name }));
