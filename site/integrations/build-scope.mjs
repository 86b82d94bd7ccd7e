import { fileURLToPath } from 'node:url';

/**
 * What the page code needs from each build's start: the folder of the loaders' entry files
 * (src/loaders/entry-store.ts), which only the Astro config knows, and a fresh scope for the
 * caches of one build's content (src/lib/build-scope.ts): the builder's worker runs many
 * builds in one process.
 */
export function buildScope() {
  return {
    name: 'newsroom-build-scope',
    hooks: {
      'astro:config:setup': ({ config }) => {
        process.env.NEWSROOM_CACHE_DIR = fileURLToPath(config.cacheDir);
        globalThis[Symbol.for('newsroom.build-scope')] = new Map();
      },
    },
  };
}
