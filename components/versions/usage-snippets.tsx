import { CopyButton } from '@/components/layout/copy-button';

interface Props {
  /** The portal's address, for commands run elsewhere. */
  origin: string;
  modelId: string;
  team: string;
  modelName: string;
  version: string;
  artifactUri: string;
}

/** How to use a version from a script: each way as a command to copy, with the version filled in. */
export function UsageSnippets({ origin, modelId, team, modelName, version, artifactUri }: Props) {
  const file = artifactUri.split('/').pop() || 'model';
  const snippets: [string, string][] = [
    ['Command line', `export REGISTRY_URL=${origin} REGISTRY_TOKEN=<your token>\nnpm run registry -- models get ${team}/${modelName}\nnpm run registry -- versions governance ${modelId} ${version}`],
    [
      'Typed client (TypeScript)',
      `const registry = createRegistryClient({ url: '${origin}', token: process.env.REGISTRY_TOKEN! });\nconst version = await registry.versions.get.query({ modelId: '${modelId}', version: '${version}' });`,
    ],
    ['curl', `curl -H "Authorization: Bearer $REGISTRY_TOKEN" \\\n  ${origin}/api/v1/models/${modelId}/${encodeURIComponent(version)}`],
    ['The artifact (AWS CLI)', `aws s3 cp ${artifactUri} ./${file}`],
  ];
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      {snippets.map(([label, code]) => (
        <figure key={label} className="min-w-0">
          <figcaption className="mb-1 flex items-center justify-between text-sm font-medium">
            {label} <CopyButton text={code} label={`${label} snippet`} />
          </figcaption>
          {/* Wrapped rather than scrolled: the copy button copies the command whole. */}
          <pre className="rounded bg-slate-900 p-3 text-xs break-all whitespace-pre-wrap text-slate-100">
            <code>{code}</code>
          </pre>
        </figure>
      ))}
    </div>
  );
}
