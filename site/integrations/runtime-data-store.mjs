import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Astro turns the whole content store into one JavaScript module and bundles it with the
 * pages: at 30 000 entries that module is over 100 MB, and parsing and bundling it costs
 * most of a build's time and memory. In a build, the store is read from its file at render
 * time instead, so the page bundle no longer depends on the content.
 */
export function runtimeDataStore() {
  return {
    name: 'newsroom-runtime-data-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Where the loaders keep their entries (src/loaders/entry-store.ts), for the pages.
        process.env.NEWSROOM_CACHE_DIR = fileURLToPath(config.cacheDir);
        if (command !== 'build') return;
        process.env.NEWSROOM_DATA_STORE_FILE = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const reader = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data-store-reader.mjs');
        updateConfig({ vite: { resolve: { alias: [{ find: /^astro:data-layer-content$/, replacement: reader }] } } });
      },
    },
  };
}
