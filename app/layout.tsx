import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import NextTopLoader from 'nextjs-toploader';
import { Toaster } from 'sonner';
import { SiteHeader } from '@/components/layout/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Model Registry', template: '%s · Model Registry' },
  description: 'Register, version and find ML models',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* Progress at the top of the page while the next page loads. */}
        <NextTopLoader color="var(--color-indigo-600)" showSpinner={false} height={3} />
        <a href="#main" className="sr-only rounded bg-white px-3 py-2 font-medium text-indigo-700 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
          {children}
        </main>
        <Toaster position="bottom-right" />
      </body>
    </html>
  );
}
