import fs from 'node:fs';
import path from 'node:path';
import type { BuildPlan, BuildReport } from '@newsroom/shared-types';
import { buildSession } from '../src/lib/build-session';
import { finishIncremental, manifestOf, removeServerLeftovers, type Started } from './incremental';
import { takeManifest, writeManifest } from './manifest-store';
import { indexSearch } from './search-index';
import type { EarlyBundles } from './search-early';

/**
 * When the pages are rendered. A public build: what it rendered, what of the live build to
 * drop (the builder assembles the build: scripts/builder/assemble.ts), its touched search
 * bundles indexed, its manifest written (`manifest`: see writeManifest). A preview: only what
 * it rendered. `early`: the search bundles a publish started indexing while its pages rendered.
 */
export async function finishBuild(
  out: string,
  plan: BuildPlan,
  started: Started | null,
  lap: (phase: string) => void,
  manifest: 'now' | 'later',
  early?: EarlyBundles,
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
      images: session.images,
      timingsMs: {},
    };
  }
  await takeManifest();
  const finished = finishIncremental(out, plan, started, session.incremental);
  lap('what to carry');
  const store = plan.searchBundles ? { dir: plan.searchBundles, suffix: plan.id } : undefined;
  const search = await indexSearch(out, { ...finished, early }, store);
  await writeManifest(started.manifests, out, manifestOf(started, finished, search.bundles), manifest);
  lap('search index');
  return { ...finished.report, search: search.report, loaders: session.loaders, images: session.images, timingsMs: {} };
}

/** The report, where the builder reads it (the plan's `reportFile`). */
export function writeReport(plan: BuildPlan, report: BuildReport) {
  fs.mkdirSync(path.dirname(plan.reportFile), { recursive: true });
  fs.writeFileSync(plan.reportFile, JSON.stringify(report, null, 2));
}
