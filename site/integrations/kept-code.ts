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
import { indexKeptPagesEarly } from './search-early';
import { indexPagesAsTheyRender } from './search-stream';

/**
 * A build without Astro's (decisions/0015-publishing-with-the-kept-page-code.md). The builder's
 * worker keeps the page code its first build, Astro's, bundled; every public build after it runs
 * the same steps as that build, in the same order, but loads no configuration and bundles
 * nothing: the loaders sync the content, the search bundles the changed entries are in start
 * indexing (search-early.ts), the changed queries decide what renders (a publish's few pages,
 * or all of them), the kept code renders it (build-worker.mjs hands over Astro's
 * generation), and the build finishes as any other. A preview is left to Astro's build: its
 * pages name their assets under a prefix of their own, which is bundled into the page code.
 */
export function keptCodePublisher(): KeptCodePublisher {
  return async (generate) => {
    const file = process.env[BUILD_PLAN_VARIABLE];
    if (!file) return false;
    const plan = parseBuildPlan(fs.readFileSync(file, 'utf8'));
    if (plan.preview) return false;
    const timingsMs: Record<string, number> = {};
    const stop = stopwatch();
    const lap = (phase: string) => {
      timingsMs[phase] = stop();
    };
    const session = startBuildSession(plan);
    const started = startIncremental(plan, session.incremental);
    await syncContent(plan);
    const early = indexKeptPagesEarly(session.incremental, session.changes);
    lap('content synced');
    // Decided here rather than when the first page asks, so the timings tell it from the rendering.
    const streaming = (await affectedPaths()) === null ? indexPagesAsTheyRender(session) : undefined;
    lap('what changed');
    await generate(plan.outDir, plan.cacheDir);
    lap('rendered');
    // Only the builder's worker renders with kept code: it stays, and writes the manifest after replying.
    const report = await finishBuild(plan.outDir, plan, started, lap, 'later', streaming?.finish() ?? early);
    writeReport(plan, { ...report, timingsMs, pageCode: 'kept' });
    return true;
  };
}

/**
 * Runs the content types' loaders as Astro's content layer does. They read the cache folder
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
  // All at once, as Astro's content layer runs them: the CMS answers one type's listing while another's is read.
  await Promise.all(Object.values(loadersFor(plan, config.CMS_URL)).map((loader) => loader.load(context)));
}
