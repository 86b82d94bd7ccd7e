import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { pagefindIndex } from './integrations/pagefind.mjs';
import { buildScope } from './integrations/build-scope.mjs';
import { incrementalBuild } from './integrations/incremental.mjs';
import { unshakenServerBundle } from './integrations/server-bundle.mjs';

const cms = new URL(process.env.CMS_URL || 'http://127.0.0.1:1337');
// A preview build (one draft, served by the builder under its own prefix) needs no search index.
const preview = Boolean(process.env.PREVIEW_ENTRY_FILE);

// SITE_OUT_DIR and ASTRO_CACHE_DIR let the builder (and the pipeline test) build into a
// folder of their own while keeping the loader's incremental store between builds.
export default defineConfig({
  site: process.env.SITE_URL || 'http://127.0.0.1:4321',
  output: 'static',
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    inlineStylesheets: 'always',
    ...(process.env.PREVIEW_ASSETS_PREFIX ? { assetsPrefix: process.env.PREVIEW_ASSETS_PREFIX } : {}),
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: preview
    ? [buildScope(), unshakenServerBundle()]
    : [buildScope(), unshakenServerBundle(), incrementalBuild(), pagefindIndex()],
  // shared-types is CommonJS (Strapi requires it): let Node load it rather than Vite.
  // No dependency pre-bundling: it serves the dev server's browser code, which this site has
  // none of, and its cache is keyed by a config that changes with every build's output folder.
  vite: {
    ssr: { external: ['@newsroom/shared-types'] },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: {
      alias: { 'newsroom:image-service': fileURLToPath(new URL('./src/lib/image-service.ts', import.meta.url)) },
    },
  },
  image: {
    // A fixed name, resolved by the alias below: Astro hashes it into every image's file name.
    service: { entrypoint: 'newsroom:image-service' },
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, port: cms.port || undefined }],
  },
});
