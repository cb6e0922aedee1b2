import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.data/**', '**/dist/**', '**/.next/**', '**/.next-test/**', '**/__generated__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  { files: ['eslint.config.js', 'vitest.config.ts', 'codegen.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // Next.js requires default exports from its route files and its config.
  { files: ['apps/web/next.config.ts', 'apps/web/src/app/**/{page,layout,not-found,error,loading}.tsx'], rules: { 'no-restricted-syntax': 'off' } },
);
