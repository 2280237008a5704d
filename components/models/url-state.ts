'use client';

import { usePathname, useSearchParams } from 'next/navigation';
// Its router shows the page's progress bar while the next page loads, as links do.
import { useRouter } from 'nextjs-toploader/app';
import { useCallback } from 'react';

/**
 * The catalog's state lives in the URL, so a view can be shared and survives a reload. Changing
 * anything but the page itself starts again at the first page.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | undefined>, options: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      if (!('offset' in changes)) next.delete('offset');
      const url = `${pathname}?${next.toString()}`;
      if (options.replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [params, pathname, router],
  );
  return { params, update };
}
