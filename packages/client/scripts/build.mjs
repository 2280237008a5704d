// Builds the package into dist/: JavaScript for ESM and CommonJS consumers (esbuild, dependencies
// left to npm), the `registry` command, and declarations with the server's router type bundled in
// (rollup-plugin-dts, which needs TypeScript 6's compiler API: the repository's TypeScript 7 has none).
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const tsconfig = path.join(root, 'tsconfig.json');

// The server configures zod's messages for its whole process; a library must not do that to its
// consumers' zod, so the module that does it is left out of the library entries (the `registry`
// command, a process of its own, keeps it).
const withoutProcessWideZodConfig = {
  name: 'without-process-wide-zod-config',
  setup(plugin) {
    plugin.onResolve({ filter: /\/zod-config$/ }, () => ({ path: 'zod-config', namespace: 'empty' }));
    plugin.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

const common = {
  absWorkingDir: root,
  tsconfig,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
const libraryEntries = ['src/index.ts', 'src/schemas.ts'];
const library = { ...common, entryPoints: libraryEntries, plugins: [withoutProcessWideZodConfig] };

await rm(dist, { recursive: true, force: true });
await Promise.all([
  build({ ...library, outdir: dist, format: 'esm' }),
  build({ ...library, outdir: dist, format: 'cjs', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: path.join(dist, 'cli.js'), format: 'esm' }),
]);

// One declaration bundle per entry (a shared chunk would be an ES module that the .d.cts copies
// could not import); each imports only the peer packages and zod.
for (const entry of libraryEntries) {
  const name = path.basename(entry, '.ts');
  const bundle = await rollup({ input: path.join(root, entry), plugins: [dts({ tsconfig })] });
  await bundle.write({ file: path.join(dist, `${name}.d.ts`), format: 'es' });
  await bundle.close();
  await copyFile(path.join(dist, `${name}.d.ts`), path.join(dist, `${name}.d.cts`));
}
