import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_CODE_PATHS, type BuildPlan, type BuildReport } from '@newsroom/shared-types';
import type { IncrementalState, ManifestPages, SearchPlace } from '../src/lib/incremental';
import { MEDIA_REFERENCE } from './media-folder';
import { pagesRead, updatePagesRead } from './pages-read';
import { searchPlaceOf } from './search-index';
import { readManifest, type Manifest } from './manifest-store';

const site = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(site, '..');
/** The operator's settings the pages read (src/config.ts). */
const CONFIG = [
  'CMS_URL',
  'SITE_URL',
  'SITE_TIME_ZONE',
  'ALGOLIA_APP_ID',
  'ALGOLIA_SEARCH_KEY',
  'ALGOLIA_INDEX_PREFIX',
  'ALGOLIA_HOST',
];
/**
 * Files a page refers to that are not pages: Astro's optimised assets (flat, hashed names) and
 * the copies of uploads. Strict on purpose: a page's text may name any path, and a name with a
 * slash or `..` must never become a file the build links from or into.
 */
const ASSET = new RegExp(`/_astro/[A-Za-z0-9_-][A-Za-z0-9._-]*|${MEDIA_REFERENCE.source}`, 'g');

/** The files under `rel` of `dir` (or `rel`, a file), sorted; symbolic links are not followed. */
function filesUnder(dir: string, rel = ''): string[] {
  const at = path.join(dir, rel);
  const stat = fs.lstatSync(at, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [rel];
  return fs
    .readdirSync(at, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * A digest of the site's code and the operator's settings the pages read, and of where the
 * search bundles are kept (the live build links them there): a live build made otherwise is
 * never reused.
 */
export function codeFingerprint(searchBundles = ''): string {
  const hash = crypto.createHash('sha256');
  for (const entry of SITE_CODE_PATHS) {
    for (const rel of filesUnder(repo, entry).filter((f) => !/\.(unit|int|browser)\.test\.ts$/.test(f))) {
      hash.update(`${rel}\0`).update(fs.readFileSync(path.join(repo, rel)));
    }
  }
  for (const name of CONFIG) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  hash.update(`search bundles=${searchBundles}\0`);
  return hash.digest('hex');
}

const isPublished = (rel: string) => !rel.startsWith('_astro/') && !rel.startsWith('pagefind/');

/**
 * The optimised assets a file refers to, and for an item page its place in search: the bundle
 * of its language and year (`en-2026`, `sq-undated`; see integrations/search-index.ts) and
 * the date it sorts by.
 */
function describe(file: string): { assets: string[]; place?: SearchPlace } {
  const text = fs.readFileSync(file, 'latin1');
  const assets = [...new Set((text.match(ASSET) ?? []).map((a) => a.slice(1)))].sort();
  const place = searchPlaceOf(text);
  return place ? { assets, place } : { assets };
}

/**
 * With an output folder outside its working directory (the builder's, in production),
 * Astro stages its server chunks elsewhere and copies some of them into the site. The
 * site publishes no `.mjs` of its own: they are server code, and must not be served. Removes
 * them and the folders they leave empty, in one walk of the folder (a full build's 33 000
 * folders, walked twice with a stat of each file, took 6 s). Answers the files left, sorted.
 */
export function removeServerLeftovers(out: string): string[] {
  const folders: string[] = [];
  const holding = new Set<string>();
  const files: string[] = [];
  for (const entry of fs.readdirSync(out, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) {
      folders.push(full);
      continue;
    }
    const rel = path.relative(out, full);
    if (/\.mjs(\.map)?$/.test(rel) && !rel.startsWith('_astro/')) {
      fs.rmSync(full);
      continue;
    }
    files.push(rel);
    for (let dir = entry.parentPath; dir !== out && !holding.has(dir); dir = path.dirname(dir)) holding.add(dir);
  }
  for (const dir of folders.filter((d) => !holding.has(d)).sort((a, b) => b.length - a.length)) fs.rmdirSync(dir);
  return files.sort();
}

/** Whether a file reads the same in two builds. */
function sameFile(one: string, other: string, rel: string): boolean {
  const [a, b] = [path.join(one, rel), path.join(other, rel)];
  return fs.statSync(a).size === fs.statSync(b).size && fs.readFileSync(a).equals(fs.readFileSync(b));
}

/** How many of the files refer to each asset (a build's 60 000 files name about as many). */
function assetCounts(files: Record<string, string[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rel in files) for (const asset of files[rel]) counts[asset] = (counts[asset] ?? 0) + 1;
  return counts;
}

/** The pages among a build's files; the builder checks the count against the live build's. */
const countPages = (files: Record<string, string[]>) =>
  Object.keys(files).filter((rel) => rel.endsWith('.html')).length;

/**
 * Every file a page refers to comes from this build, from the live build (the builder carries
 * it: its manifest counts it), or, as a hard link, from the cache (the copies of uploads). A
 * page must never refer to a file the build lacks.
 */
function linkAssets(out: string, referenced: Iterable<string>, carried: Set<string>, cache: string) {
  for (const asset of referenced) {
    const target = path.join(out, asset);
    if (carried.has(asset) || fs.existsSync(target)) continue;
    const source = path.join(cache, asset);
    if (!fs.existsSync(source))
      throw new Error(
        `A page refers to ${asset}, which this build did not write and neither the live build nor the cache holds.`,
      );
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      fs.copyFileSync(source, target);
    }
  }
}

/** What the build's start decided: where manifests are kept, and the code's fingerprint. */
export interface Started {
  manifests: string;
  fingerprint: string;
}

/**
 * At the build's start: whether the plan's live build (`plan.base`) can be reused. That needs
 * the live build to come from the same code and configuration, and its manifest.
 */
export function startIncremental(plan: BuildPlan, state: IncrementalState): Started {
  const manifests = path.join(plan.cacheDir, 'manifests');
  const fingerprint = codeFingerprint(plan.searchBundles);
  const manifest = plan.base ? readManifest(manifests, plan.base) : null;
  if (!plan.base) state.fullBecause = 'no live build to start from';
  else if (!manifest || !fs.existsSync(plan.base)) state.fullBecause = 'the live build has no manifest';
  else if (manifest.fingerprint !== fingerprint) state.fullBecause = 'the site’s code or configuration changed';
  else Object.assign(state, { base: plan.base, manifest });
  return { manifests, fingerprint };
}

/** What the build made, for the search index and the report. */
export interface Finished {
  report: Pick<BuildReport, 'mode' | 'fullBecause' | 'pages' | 'files' | 'records' | 'fromBase'>;
  /** The build's files, with the assets each refers to. */
  files: Record<string, string[]>;
  /** Item pages' places in search. */
  search: Record<string, SearchPlace>;
  /** How many of the build's files refer to each asset. */
  assets: Record<string, number>;
  /** What each page read. */
  reads: ManifestPages;
  /** The live build's search bundles the new build keeps as they are. */
  carriedBundles: Set<string>;
  /** Where a page of the build is: rendered by this build, or in the live build. */
  pageFile: (rel: string) => string;
  /** The files this build rendered. */
  rendered: Set<string>;
}

/**
 * When Astro is done: an incremental build works out what of the live build the builder is to
 * carry (the pages it did not render that still exist, their assets, the search bundles none of
 * whose pages changed) and what to drop; either kind links the copies of uploads its pages
 * refer to from the cache. `writeManifest` follows, once the search bundles are known.
 */
export function finishIncremental(out: string, plan: BuildPlan, started: Started, state: IncrementalState): Finished {
  const rendered = removeServerLeftovers(out).filter(isPublished);
  const files: Record<string, string[]> = {};
  const search: Record<string, SearchPlace> = {};
  const note = (rel: string, { assets, place }: { assets: string[]; place?: SearchPlace }) => {
    files[rel] = assets;
    if (place) search[rel] = place;
  };
  for (const rel of rendered) note(rel, describe(path.join(out, rel)));
  const renderedSet = new Set(rendered);
  const manifest = state.affected && state.base ? state.manifest : null;
  let finished: Finished;
  if (manifest && state.base) {
    const base = state.base;
    // The live build's manifest becomes this build's, changed where this build changed the
    // site: a publish's work is its change, not the 63 000 files (copying them took half a
    // second). finishBuild has let it go first (takeManifest).
    const { files: kept, search: keptSearch } = manifest;
    const assets = (manifest.assets ??= assetCounts(kept));
    // What the rendered pages refer to that the live build has, before the counts change: the builder carries it.
    const carried = new Set(rendered.flatMap((rel) => files[rel]).filter((asset) => assets[asset] > 0));
    // One pass over the live build's names finds the pages that are gone.
    const owned = new Set(renderedSet);
    const dropped: string[] = [];
    let baseFiles = 0;
    for (const rel in kept) {
      baseFiles += 1;
      if (!renderedSet.has(rel) && !state.pages?.has(rel)) {
        owned.add(rel);
        dropped.push(rel);
      }
    }
    let pages = manifest.pageCount ?? countPages(kept);
    let reused = baseFiles;
    // Search bundles holding a page this build changed or removed are indexed again; bundles left
    // without pages go. An item page rendered again as it was (another language's version of an
    // edited item, whose links did not change) leaves its bundle as it was.
    const asBefore = new Set(rendered.filter((rel) => search[rel] && keptSearch[rel] && sameFile(out, base, rel)));
    const dirty = new Set<string>();
    const touched = new Set<string>();
    for (const rel of owned) {
      if (!(rel in kept)) continue;
      reused -= 1;
      if (rel.endsWith('.html')) pages -= 1;
      for (const asset of kept[rel]) {
        assets[asset] -= 1;
        touched.add(asset);
      }
      if (keptSearch[rel] && !asBefore.has(rel)) dirty.add(keptSearch[rel][0]);
      delete kept[rel];
      delete keptSearch[rel];
    }
    for (const rel of rendered) {
      for (const asset of files[rel]) assets[asset] = (assets[asset] ?? 0) + 1;
      kept[rel] = files[rel];
      if (rel.endsWith('.html')) pages += 1;
      if (!search[rel]) continue;
      keptSearch[rel] = search[rel];
      if (!asBefore.has(rel)) dirty.add(search[rel][0]);
    }
    for (const asset of touched) {
      if (assets[asset] > 0) continue;
      delete assets[asset];
      dropped.push(asset);
    }
    const shards = new Set(Object.values(keptSearch).map(([bundle]) => bundle));
    const carriedBundles = new Set(manifest.bundles.filter((b) => shards.has(b) && !dirty.has(b)));
    dropped.push(...manifest.bundles.filter((b) => !carriedBundles.has(b)).map((b) => `pagefind/${b}`));
    linkAssets(
      out,
      rendered.flatMap((rel) => files[rel]),
      carried,
      plan.cacheDir,
    );
    const isRecord = (rel: string) => rel.endsWith('/record.json');
    finished = {
      report: {
        mode: 'incremental',
        pages,
        files: { rendered: rendered.length, reused },
        fromBase: { dropped: dropped.sort() },
        // The builder signs what changed (scripts/authenticity): the record files written and removed.
        records: {
          written: rendered.filter(isRecord),
          removed: [...owned].filter((rel) => isRecord(rel) && !renderedSet.has(rel)),
        },
      },
      files: kept,
      search: keptSearch,
      assets,
      reads: updatePagesRead(manifest, state, rendered, dropped),
      carriedBundles,
      pageFile: (rel) => path.join(renderedSet.has(rel) ? out : base, rel),
      rendered: renderedSet,
    };
  } else {
    const assets = assetCounts(files);
    linkAssets(out, Object.keys(assets), new Set(), plan.cacheDir);
    finished = {
      report: {
        mode: 'full',
        fullBecause: state.fullBecause,
        pages: countPages(files),
        files: { rendered: rendered.length, reused: 0 },
      },
      files,
      search,
      assets,
      reads: pagesRead(state, renderedSet),
      carriedBundles: new Set(),
      pageFile: (rel) => path.join(out, rel),
      rendered: renderedSet,
    };
  }
  return finished;
}

/** The build's manifest, once its search bundles are known (written by manifest-store.ts). */
export function manifestOf(started: Started, finished: Finished, bundles: string[]): Manifest {
  return {
    fingerprint: started.fingerprint,
    files: finished.files,
    search: finished.search,
    pageCount: finished.report.pages,
    assets: finished.assets,
    bundles: [...bundles].sort(),
    keys: finished.reads.keys,
    digests: finished.reads.digests,
    pages: finished.reads.pages,
    keysNumbered: finished.reads.keysNumbered,
  };
}
