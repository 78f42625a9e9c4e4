// Mutation testing of the numeric core and the indicators: `pnpm run mutation` (not part of CI:
// a full run takes hours on two cores). Narrow it with `pnpm run mutation --mutate <file>`, e.g.
//   MUTATION_TESTS=rfm pnpm run mutation --mutate packages/rfm/src/rfmCuts.ts
// (MUTATION_TESTS names the packages whose tests run; default the four.)
// Stryker copies the repository to .stryker-tmp/sandbox-*/ and mutates the copy, never the working
// tree. Two things make the copy test itself rather than the original packages:
// vitest.stryker.config.ts resolves @satlab/* to the sandbox's packages/*/src, and the build
// command links each package's own node_modules (jstat, DuckDB…) into the sandbox.
// The equivalent mutants judged so are listed in docs/mutation.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  plugins: ['@stryker-mutator/vitest-runner'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  buildCommand: 'node scripts/stryker-sandbox.mjs',
  checkers: [],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) re-run every test file: 30 % of the mutants, 96 % of
  // the time. Reported as ignored; run with --ignoreStatic false to include them.
  ignoreStatic: true,
  mutate: [
    'packages/stats/src/**/*.ts',
    'packages/survey/src/**/*.ts',
    'packages/rfm/src/**/*.ts',
    'packages/drivers/src/**/*.ts',
    '!packages/*/src/index.ts',
    '!packages/*/src/messages.ts',
    '!packages/rfm/src/rfmDuckdb.ts',
    '!packages/rfm/src/readTransactions.ts',
  ],
  ignorePatterns: ['dist', 'docs/api', '.bench', 'out', 'notebooks', 'rapport-barometre', 'reports', '*.tsbuildinfo'],
  concurrency: 2,
  timeoutMS: 10000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: null },
  cleanTempDir: 'always',
};
