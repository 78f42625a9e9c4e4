import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources (the "source" export condition), so no build is needed
// for unit tests; end-to-end tests in test/ run the built CLI and notebooks.
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
