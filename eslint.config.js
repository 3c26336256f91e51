// @ts-check
// ESLint: typescript-eslint's type-aware rules on TypeScript and on the frontmatter of .astro
// components (eslint-plugin-astro), formatting left to Prettier (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's rules against using `any`, switched off where the next two blocks say why.
 * @type {import('eslint').Linter.RulesRecord}
 */
const unsafeAnyOff = {
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'tmp/',
      '**/.astro/',
      'node_modules/',
      'bench/results/',
      'screenshots/',
      'public/',
      'src/env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
  },
  {
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { parser: tseslint.parser, project: './tsconfig.json', projectService: false } },
    // astro-eslint-parser hands typescript-eslint a program in which Astro's own types (JSX
    // elements, Astro.props of a getStaticPaths, paginate's Page) come out unresolved, so every
    // use of them reads as `any`. `astro check` (npm run check, strictest) types these files in
    // full; the unsafe-any rules here would only repeat what it already proves.
    rules: {
      ...unsafeAnyOff,
    },
  },
  {
    files: ['tests/**/*.ts'],
    // Tests read parsed JSON, XML and YAML (feeds, sitemaps, JSON-LD, manifests) to assert its
    // shape; a wrong guess at that shape fails the assertion, so the unsafe-any rules would only
    // ask for casts that prove nothing. Source code keeps them.
    rules: {
      ...unsafeAnyOff,
      // Mocks stand in for async functions, so they are async whether or not they await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    rules: {
      // tsconfig's noPropertyAccessFromIndexSignature (astro/tsconfigs/strictest) asks for
      // brackets on index signatures; TypeScript already enforces the one spelling.
      '@typescript-eslint/dot-notation': 'off',
      // T[] for simple types, Array<…> where the element type is itself compound.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // An empty environment variable or form field means "not set", so `||` on strings is meant.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // `const { dropped, ...rest } = object` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  prettier,
);
