import type { ReactNode } from 'react';
import { requirePerson } from '@/server/identity/current';

// Every portal page needs a signed-in person; the API reference and sign-in stay public.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  await requirePerson();
  return children;
}
