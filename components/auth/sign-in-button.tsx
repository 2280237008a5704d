'use client';

import { signIn } from 'next-auth/react';

export function SignInButton({ providerName, callbackUrl }: { providerName: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn('oidc', { callbackUrl })}
      className="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
    >
      Sign in with {providerName}
    </button>
  );
}
