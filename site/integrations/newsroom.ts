import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stopwatch, type BuildPlan, type BuildReport } from '@newsroom/shared-types';
import { buildSession, startBuildSession } from '../src/lib/build-session';
import { finishIncremental, removeServerLeftovers, startIncremental, writeManifest, type Started } from './incremental';
import { indexSearch } from './search-index';

/**
 * The site's build, as the builder plans it: each build starts a fresh session (the caches of
 * one build's content); a public build starts from the live one when it can, and when Astro is
 * done finishes the incremental build, then indexes the search bundles it touched, then writes
 * its report to the plan's `reportFile`, in that order, in one hook.
 */
export function newsroomBuild(plan: BuildPlan): AstroIntegration {
  let started: Started | null = null;
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
      'astro:build:ssr': () => lap('until astro:build:ssr'),
      'astro:build:generated': () => lap('until astro:build:generated'),
      'astro:build:done': async ({ dir, logger }) => {
        lap('until astro:build:done');
        const report = await finish(fileURLToPath(dir), plan, started, lap);
        report.timingsMs = timingsMs;
        logger.info(
          report.mode === 'incremental'
            ? `incremental: ${report.files.rendered} files rendered, ${report.files.reused} reused`
            : `full build: ${report.fullBecause ?? 'a preview'}`,
        );
        fs.mkdirSync(path.dirname(plan.reportFile), { recursive: true });
        fs.writeFileSync(plan.reportFile, JSON.stringify(report, null, 2));
      },
    },
  };
}

/**
 * A public build: what it rendered, what of the live build to drop (the builder assembles the
 * build: scripts/builder/assemble.ts), its touched search bundles indexed. A preview: only
 * what it rendered.
 */
async function finish(
  out: string,
  plan: BuildPlan,
  started: Started | null,
  lap: (phase: string) => void,
): Promise<BuildReport> {
  const session = buildSession();
  if (!started) {
    const files = removeServerLeftovers(out);
    return {
      mode: 'full',
      pages: files.filter((f) => f.endsWith('.html')).length,
      files: { rendered: files.length, reused: 0 },
      search: { bundles: [], pagesIndexed: 0 },
      loaders: session.loaders,
      timingsMs: {},
    };
  }
  const finished = finishIncremental(out, plan, started, session.incremental);
  lap('what to carry');
  const store = plan.searchBundles ? { dir: plan.searchBundles, suffix: plan.id } : undefined;
  const search = await indexSearch(out, finished, store);
  writeManifest(out, started, finished, search.bundles);
  lap('search index');
  return { ...finished.report, search: search.report, loaders: session.loaders, timingsMs: {} };
}
