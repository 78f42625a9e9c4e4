// Lint rules for the whole workspace (flat config). Type-aware rules are left out to keep
// `pnpm test` fast; `tsc -b` in strict mode does the type checking.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.bench/**', 'notebooks/**', 'docs/api/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // Published algorithm constants (AS 241, Lanczos) are copied with all their printed digits.
      'no-loss-of-precision': 'off',
    },
  },
  // French examples in @satlab/present's doc comments show the no-break spaces the output has.
  { files: ['packages/present/src/**/*.ts'], rules: { 'no-irregular-whitespace': ['error', { skipComments: true }] } },
);
