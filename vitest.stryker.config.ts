import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The vitest configuration Stryker runs (stryker.config.mjs): the unit tests of the mutated
// packages, with @satlab/* resolved to the sources next to this file, so that in Stryker's sandbox
// the tests exercise the mutated copy and not the working tree the workspace symlinks point to.
const here = fileURLToPath(new URL('.', import.meta.url));
const conditions = ['source', 'module', 'node', 'import', 'default'];
// MUTATION_TESTS=rfm,survey narrows the tests to those packages (a faster run on one file).
const testPackages = process.env.MUTATION_TESTS ?? 'stats,survey,rfm,drivers';
// Tests read SATLAB_MUTATION to leave out their slowest duplicates under mutation (instrumented
// code runs 10–20× slower): the 25-item bfi factor fixture (the 10-item barometer fixture runs the
// same code paths), the 4×3 HairEyeColor exact Fisher enumeration (smaller r×c tables run the same
// network algorithm), and fewer fast-check runs. CI runs them all.
process.env.SATLAB_MUTATION = '1';
export default defineConfig({
  resolve: {
    conditions,
    alias: [{ find: /^@satlab\/([a-z]+)$/, replacement: `${here}packages/$1/src/index.ts` }],
  },
  ssr: { resolve: { conditions } },
  test: {
    include: [`packages/{${testPackages},}/test/**/*.test.ts`],
    // The DuckDB engine and the pandas comparison run external engines on whole files; they do not
    // exercise the mutated TypeScript.
    exclude: ['packages/rfm/test/duckdb.test.ts', 'packages/rfm/test/pandas.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { SATLAB_MUTATION: '1' },
  },
});
