// Lint: typescript-eslint's recommended rules, and the project's one architectural rule: the core
// (src/core) is plain TypeScript that runs anywhere, so it may not import Hono, the Workers runtime
// or Node. `npm run lint` runs this, the formatter check and knip; `npm test` runs `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'bench/.gen/', 'bench/results/', '.wrangler/', 'dist/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON responses field by field; `any` there costs nothing that ships.
    files: ['tests/**/*.ts', 'src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'], // tests read fixtures from disk; what ships is the rest
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['hono', 'hono/*'], message: 'src/core stays free of Hono: HTTP belongs in src/adapters.' },
            {
              group: ['cloudflare:*', '@cloudflare/*'],
              message: 'src/core stays free of the Workers runtime: bindings belong in src/adapters or src/storage.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'stream', 'url', 'util'],
              message: 'src/core stays free of Node: files and processes belong in src/node or scripts.',
            },
            {
              group: ['../adapters/*', '../storage/*', '../node/*', '../widget/*', '../app.js', '../worker.js'],
              message: 'src/core depends on nothing outside src/core.',
            },
          ],
        },
      ],
    },
  },
);
