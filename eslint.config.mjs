// Lint keeps the process boundaries of DESIGN.md: pure code stays pure, the
// renderer never reaches into main, and raw Electron IPC lives in two files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'url',
  'util',
  'zlib',
  'events',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name=/^ipc(Main|Renderer)$/]',
          message:
            'Use the IPC wrappers in src/main/ipc and src/preload; channels come from the contract.',
        },
      ],
    },
  },
  {
    files: ['src/main/ipc/electronIpc.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/logparse/**/*.ts', 'src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'src/logparse and src/shared run anywhere: no Electron.',
            },
            {
              group: nodeBuiltins,
              message: 'src/logparse and src/shared run anywhere: no Node built-ins.',
            },
            {
              group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'Pure code imports only pure code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/sandbox/**'],
              message: 'The renderer talks to main only through the IPC API.',
            },
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer reaches Electron only through the preload API.',
            },
            { group: nodeBuiltins, message: 'The renderer runs sandboxed, without Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**/*.{ts,tsx}', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
