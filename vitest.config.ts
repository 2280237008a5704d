import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time, even on two cores: most of a test's time is spent waiting on the app,
    // Postgres or Chromium (one at a time took 11.6 min of CI's 2 cores; two, 9.1 min).
    maxWorkers: 2,
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
