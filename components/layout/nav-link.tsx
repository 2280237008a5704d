'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A link of the main navigation, marked as the current section on its pages and below. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`text-sm hover:text-slate-900 ${current ? 'font-semibold text-slate-900 underline decoration-indigo-600 decoration-2 underline-offset-8' : 'text-slate-600'}`}
    >
      {children}
    </Link>
  );
}
