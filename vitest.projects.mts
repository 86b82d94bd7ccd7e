import path from 'node:path';

/**
 * The two kinds of vitest project every workspace has: pure unit tests, and tests that
 * boot a real Strapi (one at a time, each on its own database, after compiling the CMS).
 */
export const unitProject = (name: string) => ({
  test: {
    name: `${name}:unit`,
    include: ['**/*.unit.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node' as const,
  },
});

export const strapiProject = (name: string) => ({
  test: {
    name: `${name}:int`,
    include: ['**/*.int.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node' as const,
    pool: 'forks' as const,
    fileParallelism: false,
    globalSetup: [path.join(import.meta.dirname, 'cms', 'test', 'compile.ts')],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});

/** Tests in a real Chromium against a built site (they boot Strapi too). */
export const browserProject = (name: string) => {
  const project = strapiProject(name);
  return { test: { ...project.test, name: `${name}:browser`, include: ['**/*.browser.test.ts'] } };
};
