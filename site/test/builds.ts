import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { SiteWorker } from '@newsroom/scripts/testing';
import { buildSite } from './build-site';

import type { BuildReport, ContentTypeKey } from '@newsroom/shared-types';

/** Every file under a folder, relative to it, sorted. */
export const filesOf = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

/**
 * Builds as the builder runs them, in its one long-running worker, into folders under `work`:
 * from a live build when one is named (`base`), with the loader's changes recorded per build.
 * The worker's first build is Astro's, and the builds after it render with the page code it
 * bundled; a build in `astroWorker` (one that starts afresh for every build) is always Astro's.
 */
export function siteBuilds(
  work: string,
  cmsUrl: () => string,
  worker: SiteWorker,
  { siteUrl = 'https://site.example', astroWorker }: { siteUrl?: string; astroWorker?: SiteWorker } = {},
) {
  async function build(
    name: string,
    options: { base?: string; cache?: string; spare?: string; astro?: boolean; changedTypes?: ContentTypeKey[] } = {},
  ): Promise<{ dir: string; report: BuildReport }> {
    if (options.astro && !astroWorker) throw new Error('An Astro build was asked for without a worker for them.');
    const dir = path.join(work, name);
    const report = await buildSite({
      cmsUrl: cmsUrl(),
      siteUrl,
      outDir: dir,
      cacheDir: options.cache ?? path.join(work, 'cache'),
      plan: {
        ...(options.base ? { base: path.join(work, options.base) } : {}),
        ...(options.changedTypes ? { changedTypes: options.changedTypes } : {}),
      },
      spare: options.spare,
      worker: options.astro ? astroWorker : worker,
    });
    if (options.astro) expect(report.pageCode).toBe('bundled');
    return { dir, report };
  }

  /**
   * Builds everything afresh (a new cache unless one is given; Astro's build when `astro`) and
   * expects the same files, byte for byte.
   */
  async function expectSameAsFullBuild(
    dir: string,
    name: string,
    cache = path.join(work, `${name}-cache`),
    { astro = false } = {},
  ) {
    const full = await build(name, { cache, astro });
    expect(full.report.mode).toBe('full');
    const [ours, theirs] = [filesOf(dir), filesOf(full.dir)];
    const only = (a: string[], b: string[]) => a.filter((f) => !b.includes(f)).join(', ') || 'none';
    expect(ours, `only here: ${only(ours, theirs)}; only in the full build: ${only(theirs, ours)}`).toEqual(theirs);
    for (const file of filesOf(full.dir))
      expect(fs.readFileSync(path.join(dir, file)).equals(fs.readFileSync(path.join(full.dir, file))), file).toBe(true);
    return full;
  }

  return { build, expectSameAsFullBuild };
}
