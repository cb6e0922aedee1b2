import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['db/test/**/*.test.ts', 'actions/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
    globalSetup: ['scripts/test/global-setup.ts'],
    // Test files run in child processes: native clients and servers are isolated per file.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
