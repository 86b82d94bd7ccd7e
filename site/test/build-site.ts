import path from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { BuildPlan, BuildReport } from '@newsroom/shared-types';
import { planBeside, planEnvironment, runAssembled, type SiteWorker } from '@newsroom/scripts/testing';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const siteDir = path.resolve(import.meta.dirname, '..');

/**
 * Runs the real site build (Astro and Pagefind) against a CMS, into `outDir`, with a plan as
 * the builder writes one: as a command, or in the builder's long-running worker when one is
 * given; then assembles the build as the builder does (from the plan's live build, and the
 * `spare` when given). Answers the build's report.
 */
export async function buildSite(options: {
  cmsUrl: string;
  siteUrl: string;
  outDir: string;
  cacheDir: string;
  plan?: Partial<BuildPlan>;
  spare?: string;
  env?: Record<string, string>;
  worker?: SiteWorker;
}): Promise<BuildReport> {
  const plan = planBeside(options.outDir, options.cacheDir, options.plan);
  const env = planEnvironment(plan, `${options.outDir}.plan.json`, {
    ...process.env,
    CMS_URL: options.cmsUrl,
    SITE_URL: options.siteUrl,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  });
  const report = await runAssembled(
    plan,
    async () => {
      if (options.worker) await options.worker.run(env, 10 * 60_000);
      else {
        const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');
        await run(process.execPath, [astro, 'build', '--silent'], { cwd: siteDir, env, maxBuffer: 64 * 1024 * 1024 });
      }
    },
    options.spare,
  );
  if (!report) throw new Error(`The site build wrote no report (${plan.reportFile})`);
  return report as BuildReport;
}
