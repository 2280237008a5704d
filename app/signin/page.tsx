import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInButton } from '@/components/auth/sign-in-button';
import { currentPerson } from '@/server/identity/current';
import { DEMO_PEOPLE } from '@/server/services/seed/demo-people';
import { config } from '@/server/config';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  OAuthCallback: 'The identity provider did not complete the sign-in. Try again.',
  OAuthSignin: 'The identity provider could not be reached.',
  AccessDenied: 'The identity provider refused the sign-in.',
  SessionRequired: 'Please sign in to continue.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  if (await currentPerson()) redirect('/');
  const settings = config.oidc;
  // Only local paths: never send a person on to another site after sign-in.
  const next = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';

  return (
    <section className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {error && (
        <p role="alert" className="rounded border border-rose-200 bg-rose-50 p-3 text-rose-800">
          {ERRORS[error] ?? 'Sign-in failed. Try again.'}
        </p>
      )}
      {settings ? (
        <SignInButton providerName={settings.providerName} callbackUrl={next} />
      ) : (
        <p className="text-slate-700">
          Sign-in is not configured: set <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and{' '}
          <code>OIDC_CLIENT_SECRET</code>. Scripts can still use API tokens.
        </p>
      )}
      {settings?.localDemo && (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Demo people of the local provider</h2>
          <p className="text-sm text-slate-600">Type one of these ids at the provider&apos;s login form; any password works.</p>
          <ul className="mt-2 space-y-1 text-sm">
            {DEMO_PEOPLE.map((p) => (
              <li key={p.subject}>
                <code className="font-semibold">{p.subject}</code> — {p.name}, {p.about}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
