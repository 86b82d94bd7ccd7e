import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'scripts:unit', include: ['**/*.unit.test.ts'], exclude: ['node_modules/**'], environment: 'node' } },
      {
        test: {
          name: 'scripts:e2e',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['../cms/test/compile.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
