import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stopwatch, type BuildPlan } from '@newsroom/shared-types';
import { buildSession, leavePublisher, startBuildSession } from '../src/lib/build-session';
import { affectedPaths } from '../src/lib/incremental';
import { startIncremental, type Started } from './incremental';
import { finishBuild, writeReport } from './finish-build';
import { keptCodePublisher } from './kept-code';
import { indexPagesAsTheyRender } from './search-stream';

/**
 * The site's build, as the builder plans it: each build starts a fresh session (the caches of
 * one build's content); a public build starts from the live one when it can, and when Astro is
 * done finishes the incremental build, then indexes the search bundles it touched, then writes
 * its report to the plan's `reportFile`, in that order, in one hook.
 */
export function newsroomBuild(plan: BuildPlan): AstroIntegration {
  let started: Started | null = null;
  let streaming: ReturnType<typeof indexPagesAsTheyRender> | undefined;
  // Milliseconds from one of Astro's hooks to the next, and of our own steps after them.
  const timingsMs: Record<string, number> = {};
  let stop = stopwatch();
  const lap = (phase: string) => {
    timingsMs[phase] = stop();
  };
  return {
    name: 'newsroom-build',
    hooks: {
      'astro:config:setup': ({ command }) => {
        stop = stopwatch();
        leavePublisher(undefined);
        const session = startBuildSession(plan);
        if (command === 'build' && !plan.preview) started = startIncremental(plan, session.incremental);
      },
      'astro:build:start': () => lap('until astro:build:start'),
      'astro:build:setup': ({ vite, target }) => {
        if (target !== 'server') return;
        lap('until astro:build:setup');
        // The server bundle is the page code the build runs once and deletes: nothing of it is
        // published. Rollup's tree-shaking of it takes about a second of every build and saves
        // nothing anyone downloads. The browser's bundle is shaken as ever.
        vite.build ??= {};
        vite.build.rollupOptions = { ...vite.build.rollupOptions, treeshake: false };
      },
      'astro:build:ssr': async () => {
        lap('until astro:build:ssr');
        // The content is synced: a full public build gives Pagefind its item pages as they render.
        streaming = started && (await affectedPaths()) === null ? indexPagesAsTheyRender(buildSession()) : undefined;
      },
      'astro:build:generated': () => lap('until astro:build:generated'),
      'astro:build:done': async ({ dir, logger }) => {
        lap('until astro:build:done');
        const report = await finishBuild(fileURLToPath(dir), plan, started, lap, 'now', streaming?.finish());
        report.timingsMs = timingsMs;
        report.pageCode = 'bundled';
        logger.info(
          report.mode === 'incremental'
            ? `incremental: ${report.files.rendered} files rendered, ${report.files.reused} reused`
            : `full build: ${report.fullBecause ?? 'a preview'}`,
        );
        writeReport(plan, report);
        // The next publishes of this process may render with the page code this build bundled.
        if (started) leavePublisher(keptCodePublisher());
      },
    },
  };
}
