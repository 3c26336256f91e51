// @ts-check
// ESLint: typescript-eslint's type-aware rules on TypeScript and on the frontmatter of .astro
// components (eslint-plugin-astro), formatting left to Prettier (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'tmp/', '.astro/', 'node_modules/', 'bench/results/', 'screenshots/', 'public/', 'src/env.d.ts'] },
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
  },
  {
    rules: {
      // tsconfig's noPropertyAccessFromIndexSignature (astro/tsconfigs/strictest) asks for
      // brackets on index signatures; TypeScript already enforces the one spelling.
      '@typescript-eslint/dot-notation': 'off',
      // T[] for simple types, Array<…> where the element type is itself compound.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
    },
  },
  prettier,
);
