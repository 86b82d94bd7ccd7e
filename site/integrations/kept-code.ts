import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { BUILD_PLAN_VARIABLE, parseBuildPlan, stopwatch, type BuildPlan } from '@newsroom/shared-types';
import { startBuildSession, type KeptCodePublisher } from '../src/lib/build-session';
import { affectedPaths } from '../src/lib/incremental';
import { loadersFor } from '../src/loaders/collections';
import { config } from '../src/config';
import { startIncremental } from './incremental';
import { finishBuild, writeReport } from './finish-build';

/**
 * A publish without Astro's build (decisions/0015-publishing-with-the-kept-page-code.md). The
 * builder's worker keeps the page code its last public build bundled; a publish after it runs
 * the same steps as that build, in the same order, but loads no configuration and bundles
 * nothing: the loaders sync the content, the changed queries decide what renders, the kept code
 * renders it (build-worker.mjs hands over Astro's generation), and the build finishes as any
 * other. A publish that cannot be incremental is left to Astro's build, before anything renders.
 */
export function keptCodePublisher(): KeptCodePublisher {
  return async (generate) => {
    const file = process.env[BUILD_PLAN_VARIABLE];
    if (!file) return false;
    const plan = parseBuildPlan(fs.readFileSync(file, 'utf8'));
    // A preview bundles its own asset prefix into the pages; refetching everything is a full build.
    if (plan.preview || plan.refetch === 'all' || !plan.base) return false;
    const timingsMs: Record<string, number> = {};
    const stop = stopwatch();
    const lap = (phase: string) => {
      timingsMs[phase] = stop();
    };
    const session = startBuildSession(plan);
    const started = startIncremental(plan, session.incremental);
    if (session.incremental.fullBecause) return false;
    await syncContent(plan);
    lap('content synced');
    if (!(await affectedPaths())) return false;
    lap('what changed');
    await generate(plan.outDir, plan.cacheDir);
    lap('rendered');
    const report = await finishBuild(plan.outDir, plan, started, lap);
    writeReport(plan, { ...report, timingsMs, pageCode: 'kept' });
    return true;
  };
}

/**
 * Runs each content type's loader as Astro's content layer would. They read the cache folder
 * from Astro's configuration, log, and clear Astro's own store (they keep their entries in
 * files of their own: loaders/entry-store.ts); nothing else of Astro's context.
 */
async function syncContent(plan: BuildPlan) {
  const logger = {
    info: (message: string) => console.log(`[content] ${message}`),
    warn: (message: string) => console.warn(`[content] ${message}`),
    error: (message: string) => console.error(`[content] ${message}`),
    debug: () => {},
  };
  const context = {
    store: { clear: () => {} },
    config: { cacheDir: pathToFileURL(`${plan.cacheDir}/`) },
    logger,
  } as unknown as LoaderContext;
  for (const loader of Object.values(loadersFor(plan, config.CMS_URL))) await loader.load(context);
}
