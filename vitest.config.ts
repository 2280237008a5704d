import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // As tsconfig.json's paths: the client package from its source, the app's modules by '@/'.
    alias: [
      { find: /^@ml-platform\/model-registry-client$/, replacement: path.resolve(import.meta.dirname, 'packages/client/src/index.ts') },
      { find: /^@ml-platform\/model-registry-client\/schemas$/, replacement: path.resolve(import.meta.dirname, 'packages/client/src/schemas.ts') },
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Only with --coverage (npm run test:coverage): what the test processes ran themselves; the
    // app processes' coverage is collected apart and merged by scripts/coverage.ts.
    coverage: {
      provider: 'v8',
      include: ['app/**', 'components/**', 'db/**', 'server/**', 'proxy.ts'],
      reporter: ['json'],
      reportsDirectory: 'coverage/in-process',
      reportOnFailure: true,
    },
  },
});
