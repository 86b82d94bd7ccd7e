import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MEDIA_REFERENCE } from './media-folder.mjs';

const KEY = Symbol.for('newsroom.incremental');
const site = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(site, '..');
/** What a page is made from besides the content: when any of it differs, everything is rendered. */
const CODE = [
  'site/src',
  'site/integrations',
  'site/public',
  'site/astro.config.mjs',
  'site/package.json',
  'shared-types/src',
  'package-lock.json',
];
const CONFIG = [
  'CMS_URL',
  'SITE_URL',
  'SITE_TIME_ZONE',
  'ALGOLIA_APP_ID',
  'ALGOLIA_SEARCH_KEY',
  'ALGOLIA_INDEX_PREFIX',
  'ALGOLIA_HOST',
  'SEARCH_BUNDLES_DIR',
];
/**
 * Files a page refers to that are not pages: Astro's optimised assets (flat, hashed names) and
 * the copies of uploads. Strict on purpose: a page's text may name any path, and a name with a
 * slash or `..` must never become a file the build links from or into.
 */
const ASSET = new RegExp(`/_astro/[A-Za-z0-9_-][A-Za-z0-9._-]*|${MEDIA_REFERENCE.source}`, 'g');

function filesUnder(dir, rel = '') {
  const at = path.join(dir, rel);
  if (!fs.existsSync(at)) return [];
  if (!fs.statSync(at).isDirectory()) return [rel];
  return fs
    .readdirSync(at)
    .sort()
    .flatMap((name) => filesUnder(dir, rel ? `${rel}/${name}` : name));
}

export function codeFingerprint() {
  const hash = crypto.createHash('sha256');
  for (const entry of CODE) {
    for (const rel of filesUnder(repo, entry).filter((f) => !/\.(unit|int|browser)\.test\.ts$/.test(f))) {
      hash.update(`${rel}\0`).update(fs.readFileSync(path.join(repo, rel)));
    }
  }
  for (const name of CONFIG) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/** A build's pages and files, each with the optimised assets it refers to. Kept in the cache, not served. */
const manifestFile = (dir, build) =>
  path.join(dir, `${crypto.createHash('sha1').update(path.resolve(build)).digest('hex')}.json`);
const readManifest = (dir, build) =>
  fs.existsSync(manifestFile(dir, build)) ? JSON.parse(fs.readFileSync(manifestFile(dir, build), 'utf8')) : null;
const isPublished = (rel) => !rel.startsWith('_astro/') && !rel.startsWith('pagefind/');
const YEAR = /data-pagefind-sort="date:(\d{4})/;
const LANG = /<html lang="([^"]+)"/;

/**
 * The optimised assets a file refers to, and for an item page the search bundle it belongs
 * to: its language and year (`en-2026`, `sq-undated`; see integrations/pagefind.mjs).
 */
function describe(file) {
  const text = fs.readFileSync(file, 'latin1');
  const assets = [...new Set((text.match(ASSET) ?? []).map((a) => a.slice(1)))].sort();
  if (!text.includes('data-pagefind-body')) return { assets };
  return { assets, shard: `${(text.match(LANG)?.[1] ?? 'und').toLowerCase()}-${text.match(YEAR)?.[1] ?? 'undated'}` };
}

/**
 * With an output folder outside its working directory (the builder's, in production),
 * Astro stages its server chunks elsewhere and copies some of them into the site. The
 * site publishes no `.mjs` of its own: they are server code, and must not be served.
 */
function removeServerLeftovers(out) {
  for (const rel of filesUnder(out).filter((f) => /\.mjs(\.map)?$/.test(f) && !f.startsWith('_astro/')))
    fs.rmSync(path.join(out, rel));
  const prune = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) prune(path.join(dir, entry.name));
    if (dir !== out && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  };
  prune(out);
}

/**
 * Where an incremental build assembles its folder: in the cache, on the builds' file system.
 * One build at a time uses a cache, so whatever is there was left by a build that failed.
 */
const stagingFor = (cacheDir) => fileURLToPath(new URL('staging/', cacheDir));

/** Links the live build's files into a fresh staging folder in a worker thread; resolves to that folder. */
function startLinking(base, staging, files) {
  fs.rmSync(staging, { recursive: true, force: true });
  const worker = new Worker(new URL('./link-worker.mjs', import.meta.url), {
    workerData: { base, staging, files, spare: process.env.SPARE_BUILD_DIR },
  });
  const linked = new Promise((resolve, reject) => {
    worker.once('message', () => resolve(staging));
    worker.once('error', reject);
  });
  // Awaited when the build is done; a failure before then must not end the process unreported.
  linked.catch(() => {});
  return linked;
}

/**
 * Moves what Astro wrote into the staging folder (rename: it replaces a linked file's name,
 * never the live build's file), then puts the staging folder in the output's place.
 */
function moveInto(out, staging) {
  for (const rel of filesUnder(out)) {
    fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
    fs.renameSync(path.join(out, rel), path.join(staging, rel));
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(staging, out);
}

/**
 * Every file a page refers to that the build did not write comes, as a hard link, from the
 * first of `sources` that has it: the live build (the assets of the pages it reused), or the
 * cache (the copies of uploads). A page must never refer to a file the build lacks.
 */
function linkAssets(out, files, sources) {
  for (const asset of new Set(Object.values(files).flat())) {
    const target = path.join(out, asset);
    if (fs.existsSync(target)) continue;
    const source = sources.map((dir) => path.join(dir, asset)).find((file) => fs.existsSync(file));
    if (!source)
      throw new Error(
        `A page refers to ${asset}, which this build did not write and no earlier build or the cache holds.`,
      );
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(source, target);
    } catch (error) {
      if (error.code !== 'EXDEV') throw error;
      fs.copyFileSync(source, target);
    }
  }
}

/**
 * The manifest's record of the managed pages (see src/lib/incremental.ts): what each page
 * this build rendered read, and for a page it kept, what the live build recorded of it.
 */
function pagesRead(state, rendered) {
  const before = state.manifest;
  const keys = new Map();
  const indexOf = (key, digest) => {
    if (!keys.has(key)) keys.set(key, { index: keys.size, digest });
    return keys.get(key).index;
  };
  const pages = {};
  for (const [rel, { props, reads }] of [...(state.pages ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
    if (rendered.has(rel)) {
      if (!reads)
        throw new Error(`${rel} rendered without its reads recorded: src/middleware.ts must run for every page.`);
      pages[rel] = { props, reads: [...reads].map(([key, digest]) => indexOf(key, digest)) };
    } else if (before?.pages[rel]) {
      pages[rel] = { props, reads: before.pages[rel].reads.map((i) => indexOf(before.keys[i], before.digests[i])) };
    }
  }
  const ordered = [...keys].sort(([, a], [, b]) => a.index - b.index);
  return { keys: ordered.map(([key]) => key), digests: ordered.map(([, { digest }]) => digest), pages };
}

function keepNewest(dir, count) {
  const files = fs
    .readdirSync(dir)
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const old of files.slice(count)) fs.rmSync(old, { force: true });
}

/**
 * Publishing one item renders only the pages whose recorded reads now answer otherwise
 * (src/lib/incremental.ts) and takes every other file from the live build (INCREMENTAL_BASE)
 * as a hard link. That needs the live build to come from the same code and configuration,
 * and its manifest.
 */
export function incrementalBuild() {
  let manifests;
  let fingerprint;
  let linking;
  let cacheDir;
  return {
    name: 'newsroom-incremental',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const state = (globalThis[KEY] = {});
        cacheDir = config.cacheDir;
        manifests = fileURLToPath(new URL('manifests/', config.cacheDir));
        fingerprint = codeFingerprint();
        const base = process.env.INCREMENTAL_BASE;
        const manifest = base ? readManifest(manifests, base) : null;
        if (!base) state.fullBecause = 'no live build to start from';
        else if (!manifest || !fs.existsSync(base)) state.fullBecause = 'the live build has no manifest';
        else if (manifest.fingerprint !== fingerprint) state.fullBecause = 'the site’s code or configuration changed';
        else {
          Object.assign(state, { base, manifest });
          linking = startLinking(base, stagingFor(config.cacheDir), Object.keys(manifest.files));
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const state = globalThis[KEY];
        removeServerLeftovers(out);
        const rendered = filesUnder(out).filter(isPublished);
        const files = {};
        const search = {};
        const note = (rel, { assets, shard }) => {
          files[rel] = assets;
          if (shard) search[rel] = shard;
        };
        const staging = await linking;
        if (staging && !state.affected) fs.rmSync(staging, { recursive: true, force: true });
        for (const rel of rendered) note(rel, describe(path.join(out, rel)));
        const pages = pagesRead(state, new Set(rendered));
        if (staging && state.affected) {
          // A file of the live build this one did not render is kept if its page still exists; otherwise it is gone.
          const owned = new Set(rendered);
          let reused = 0;
          for (const [rel, assets] of Object.entries(state.manifest.files)) {
            if (owned.has(rel)) fs.rmSync(path.join(staging, rel));
            else if (state.pages?.has(rel)) {
              note(rel, { assets, shard: state.manifest.search[rel] });
              reused += 1;
            } else {
              owned.add(rel);
              fs.rmSync(path.join(staging, rel));
            }
          }
          moveInto(out, staging);
          // Search shards holding a page this build rendered or removed are indexed again.
          state.dirtyShards = new Set(
            [...owned].flatMap((rel) => [state.manifest.search[rel], search[rel]]).filter(Boolean),
          );
          // The report is shared-types' SiteBuildReport. The builder signs what changed
          // (scripts/authenticity): the record files written and removed.
          const isRecord = (rel) => rel.endsWith('/record.json');
          state.report = {
            mode: 'incremental',
            rendered: rendered.length,
            reused,
            records: {
              written: rendered.filter(isRecord),
              removed: [...owned].filter((rel) => isRecord(rel) && !rendered.includes(rel)),
            },
          };
        } else {
          state.report = { mode: 'full', rendered: rendered.length, reason: state.fullBecause };
        }
        linkAssets(out, files, [state.affected ? state.base : null, fileURLToPath(cacheDir)].filter(Boolean));
        state.search = search;
        // The builder checks the page count against the live build's; it need not walk the folder again.
        state.report.pages = Object.keys(files).filter((rel) => rel.endsWith('.html')).length;
        logger.info(
          state.affected
            ? `incremental: ${state.report.rendered} files rendered, ${state.report.reused} reused`
            : `full build: ${state.fullBecause}`,
        );
        fs.mkdirSync(manifests, { recursive: true });
        fs.writeFileSync(
          manifestFile(manifests, out),
          JSON.stringify({
            fingerprint,
            files: Object.fromEntries(
              Object.keys(files)
                .sort()
                .map((rel) => [rel, files[rel]]),
            ),
            search,
            ...pages,
          }),
        );
        keepNewest(manifests, 12);
        if (process.env.LOADER_STATS_FILE && fs.existsSync(process.env.LOADER_STATS_FILE)) {
          const stats = JSON.parse(fs.readFileSync(process.env.LOADER_STATS_FILE, 'utf8'));
          fs.writeFileSync(process.env.LOADER_STATS_FILE, JSON.stringify({ ...stats, _build: state.report }, null, 2));
        }
      },
    },
  };
}
