import path from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { type SiteWorker } from '@newsroom/scripts/testing';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const siteDir = path.resolve(import.meta.dirname, '..');

/**
 * Runs the real site build (Astro and Pagefind) against a CMS, into `outDir`: as a command,
 * or in the builder's long-running worker when one is given.
 */
export async function buildSite(options: {
  cmsUrl: string;
  siteUrl: string;
  outDir: string;
  cacheDir: string;
  statsFile?: string;
  env?: Record<string, string>;
  worker?: SiteWorker;
}) {
  const env = {
    ...process.env,
    CMS_URL: options.cmsUrl,
    SITE_URL: options.siteUrl,
    SITE_OUT_DIR: options.outDir,
    ASTRO_CACHE_DIR: options.cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(options.statsFile ? { LOADER_STATS_FILE: options.statsFile } : {}),
    ...options.env,
  };
  if (options.worker) return options.worker.run(env, 10 * 60_000);
  const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');
  await run(process.execPath, [astro, 'build', '--silent'], { cwd: siteDir, env, maxBuffer: 64 * 1024 * 1024 });
}
