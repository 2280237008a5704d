import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { type RegisterDefaults, RegisterForm } from '@/components/models/register-form';
import { roleAtLeast } from '@/server/auth/access';
import { requirePerson } from '@/server/identity/current';
import { callerForPerson } from '@/server/identity/server-caller';
import { orNotFound } from '@/server/trpc/not-found';
import { registerModelAction } from './actions';

type Props = { searchParams: Promise<{ from?: string }> };

// The title and the form read the model a new version starts from: once per request.
const readModel = cache(async (modelId: string) => orNotFound((await callerForPerson()).models.get({ modelId, order: 'semver' })));

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { from } = await searchParams;
  const model = from ? await readModel(from).catch(() => null) : null;
  return { title: model ? `New version of ${model.name}` : 'Register a model' };
}

export default async function NewModelPage({ searchParams }: Props) {
  const person = await requirePerson();
  const { from } = await searchParams;
  const teams = person.memberships.filter((m) => roleAtLeast(m.role, 'contributor')).map((m) => m.teamSlug);
  let defaults: RegisterDefaults = {};
  if (from) {
    // A new version of an existing model: start from its latest version.
    const model = await readModel(from);
    const latest = model.versions.at(-1);
    defaults = {
      name: model.name,
      team: model.team,
      framework: latest?.framework,
      deploymentTarget: latest?.deploymentTarget,
      deploymentConfig: latest?.deploymentConfig,
      tags: latest?.tags,
      parentVersion: latest?.version,
    };
  }
  // Platform admins may register in any team: they choose one.
  const writable = person.isAdmin ? (await (await callerForPerson()).teams.directory()).items.map((t) => t.slug) : teams;

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/models" className="hover:underline">Models</Link> / {from ? `new version of ${defaults.name}` : 'register'}
      </nav>
      <h1 className="text-2xl font-semibold">{from ? `New version of ${defaults.name}` : 'Register a model'}</h1>
      {writable.length === 0 ? (
        <p className="text-slate-700">You may register models in no team: that needs the contributor role.</p>
      ) : (
        <RegisterForm teams={writable} defaults={defaults} register={registerModelAction} />
      )}
    </div>
  );
}
