import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'cms:unit', include: ['src/**/*.unit.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'cms:int',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          // One Strapi per file, each on its own database: files run one after another.
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['test/compile.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
