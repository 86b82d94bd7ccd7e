import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's type-checked recommended rules, as Astro Starlight uses them. Each file
 * is checked with the tsconfig that compiles it: the production code of shared-types, the
 * CMS's server and admin panel, and the scripts, with their unit tests where the tsconfig has
 * them, and the site (its code, integrations and unit tests). Not yet linted: the tests that boot a
 * real Strapi, which no tsconfig compiles today.
 */
export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      'builds/**',
      '**/.astro/**',
      '**/.cache/**',
      '**/.tmp/**',
      'cms/types/generated/**',
      'cms/test/**',
      'cms/scripts/**',
      'cms/config/**',
      'cms/src/admin/vite.config.ts',
      'scripts/bench/**',
      'scripts/testing.ts',
      '**/*.int.test.ts',
      '**/*.browser.test.ts',
      'cms/src/**/*.unit.test.ts',
      'scripts/lib/*.unit.test.ts',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.mts',
      '**/*.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) and a test server's
    // parsed answers are typed `any` by design.
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
