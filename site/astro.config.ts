import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { BUILD_PLAN_VARIABLE, parseBuildPlan, type BuildPlan } from '@newsroom/shared-types';
import { newsroomBuild } from './integrations/newsroom';

const site = path.dirname(fileURLToPath(import.meta.url));
const cms = new URL(process.env.CMS_URL || 'http://127.0.0.1:1337');

/**
 * The builder's plan for this build (scripts/builder writes it; its file is named by the one
 * variable the builder sets per build). Without one, `astro build` by hand: a full build into
 * `dist/`, with Astro's usual cache.
 */
function planOf(file: string | undefined): BuildPlan {
  if (file) return parseBuildPlan(fs.readFileSync(file, 'utf8'));
  const cacheDir = path.join(site, 'node_modules', '.astro');
  return {
    id: 'by-hand',
    outDir: path.join(site, 'dist'),
    cacheDir,
    reportFile: path.join(cacheDir, 'report.json'),
    refetch: 'changed',
  };
}
const plan = planOf(process.env[BUILD_PLAN_VARIABLE]);

export default defineConfig({
  site: process.env.SITE_URL || 'http://127.0.0.1:4321',
  output: 'static',
  outDir: plan.outDir,
  cacheDir: plan.cacheDir,
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    concurrency: 2,
    inlineStylesheets: 'always',
    ...(plan.preview ? { assetsPrefix: plan.preview.assetsPrefix } : {}),
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [newsroomBuild(plan)],
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
    // A fixed name, resolved by the alias above: Astro hashes it into every image's file name.
    service: { entrypoint: 'newsroom:image-service' },
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, port: cms.port || undefined }],
  },
});
