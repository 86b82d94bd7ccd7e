import path from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const siteDir = path.resolve(import.meta.dirname, '..');

/** Runs the real site build (Astro and Pagefind) against a CMS, into `outDir`. */
export async function buildSite(options: { cmsUrl: string; siteUrl: string; outDir: string; cacheDir: string; statsFile?: string; env?: Record<string, string> }) {
  const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');
  await run(process.execPath, [astro, 'build', '--silent'], {
    cwd: siteDir,
    env: {
      ...process.env,
      CMS_URL: options.cmsUrl,
      SITE_URL: options.siteUrl,
      SITE_OUT_DIR: options.outDir,
      ASTRO_CACHE_DIR: options.cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(options.statsFile ? { LOADER_STATS_FILE: options.statsFile } : {}),
      ...options.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
}
