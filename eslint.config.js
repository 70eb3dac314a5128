// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import globals from 'globals';

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'public/', 'test-results/', 'playwright-report/', '**/*.astro'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how lesson facts and messages are built.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // typescript-eslint cannot type .astro modules (astro check does), so their imports read as
    // error types here.
    files: ['src/components/widgets.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // tfjs is loaded once, by the runtime that selects the backend (src/lib/tf-runtime.ts), and
    // used by value only there and in the workers; everything else imports its types.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/lib/tf-runtime.ts', 'src/lib/wasm-files.ts', 'src/workers/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tensorflow/*'], allowTypeImports: true, message: 'Get tfjs from loadTf() in src/lib/tf-runtime.ts (type imports are fine).' }] },
      ],
    },
  },
  {
    // src/lib is pure logic: no view library and no DOM (it runs in workers and in Node's tests).
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/tf-runtime.ts', 'src/lib/wasm-files.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*'], allowTypeImports: true, message: 'Get tfjs from loadTf() in src/lib/tf-runtime.ts (type imports are fine).' },
            { group: ['preact', 'preact/*', '**/components/*', '**/components/**'], message: 'src/lib holds no view code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'document', message: 'src/lib holds no DOM code.' }, { name: 'window', message: 'src/lib holds no DOM code.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
