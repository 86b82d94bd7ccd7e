import { fileURLToPath } from 'node:url';

/**
 * The pages read the loaders' entry files (src/loaders/entry-store.ts) from the cache
 * folder, which only the Astro config knows: this hands its path to the page code.
 */
export function entriesLocation() {
  return {
    name: 'newsroom-entries-location',
    hooks: {
      'astro:config:setup': ({ config }) => {
        process.env.NEWSROOM_CACHE_DIR = fileURLToPath(config.cacheDir);
      },
    },
  };
}
