import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildPlan, BuildReport } from '@newsroom/shared-types';
import { readBuildReport } from './build-plan';

/**
 * The builder owns a build's folder. The site's build writes only what it rendered into the
 * plan's `outDir`, and reports what of the live build to leave out (`fromBase`) and which
 * search bundles it wrote to the store; the builder makes the rest of the build from the live
 * one (hard links, from the spare when it can) while the site builds, then puts the two
 * together. Neither side reads the other's folders.
 */

/**
 * How the staging folder was made: from the spare by the changes since it was live, from the
 * spare by comparing every file, or by linking every file afresh.
 */
export type CarriedBy = 'changes' | 'compared' | 'linked';

/** The live build's files being linked into the new build's staging folder. */
export interface Carrying {
  staging: string;
  linked: Promise<CarriedBy>;
}

/**
 * Starts linking the live build (`base`) into `staging`, beside the site's build; `spare`, a
 * retired build, is turned into the staging folder when it shares most of the live build's
 * files (link-worker.mjs), by redoing only the paths `changed` since it was live when the
 * builder knows them (deltas.ts). Null without a live build: the site's build is then full.
 */
export function startCarrying(
  base: string | undefined,
  staging: string,
  spare?: string,
  changed?: string[] | null,
): Carrying | null {
  fs.rmSync(staging, { recursive: true, force: true });
  if (!base || !fs.existsSync(base)) return null;
  const worker = new Worker(new URL('./link-worker.mjs', import.meta.url), {
    workerData: { base, staging, spare, changed: changed ?? undefined },
  });
  const linked = new Promise<CarriedBy>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // Awaited when the site's build is done; a failure before then must not end the process unreported.
  linked.catch(() => {});
  return { staging, linked };
}

/** Waits for the linking to end, then removes what it made (a failed build's). */
export async function discardCarrying(carrying: Carrying | null): Promise<void> {
  if (!carrying) return;
  await carrying.linked.catch(() => {});
  fs.rmSync(carrying.staging, { recursive: true, force: true });
}

/**
 * A path of the report inside the build: relative, and no segment empty, `.` or `..`. A
 * report names files the builder deletes and moves; no spelling of one may reach outside.
 */
export function insideBuild(rel: unknown): string {
  if (typeof rel !== 'string' || rel.split('/').some((s) => s === '' || s === '.' || s === '..' || s.includes('\0')))
    throw new Error(`The site build reported a path outside its build: ${JSON.stringify(rel)}`);
  return rel;
}

/**
 * The same path under `dir`, checked for the other spelling of outside: a folder on the way
 * that is a symbolic link (a carried search bundle is one, into the store every kept build
 * shares), which a delete or a rename would go through.
 */
function throughNoLink(dir: string, rel: string, checked: Set<string>): string {
  const segments = insideBuild(rel).split('/');
  for (let i = 1; i < segments.length; i += 1) {
    const folder = path.join(dir, ...segments.slice(0, i));
    if (checked.has(folder)) continue;
    if (fs.lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new Error(`The site build reported a path through a link: ${JSON.stringify(rel)}`);
    checked.add(folder);
  }
  return path.join(dir, rel);
}

const BUNDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STORED = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Deletes a path the site dropped, and each folder that leaves empty: a full build has no
 * such folder, and a server would answer an empty one with a refusal rather than "not found".
 */
function drop(staging: string, rel: string, checked: Set<string>) {
  fs.rmSync(throughNoLink(staging, rel, checked), { recursive: true, force: true });
  for (let dir = path.dirname(rel); dir !== '.'; dir = path.dirname(dir)) {
    const full = path.join(staging, dir);
    if (!fs.existsSync(full) || fs.readdirSync(full).length > 0) break;
    fs.rmdirSync(full);
  }
}

/** Every file and link under a folder (links not followed), relative to it. */
function leavesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * Moves what the site rendered into the staging folder (rename: it replaces a linked file's
 * name, never the live build's file), then puts the staging folder in the output's place.
 * Answers the files moved.
 */
function moveInto(out: string, staging: string, checked: Set<string>): string[] {
  fs.mkdirSync(out, { recursive: true });
  const rendered = leavesUnder(out);
  for (const rel of rendered) {
    const target = throughNoLink(staging, rel, checked);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(out, rel), target);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(staging, out);
  return rendered;
}

/** Links each search bundle the site wrote to the store as `pagefind/<name>` of the build; answers the links. */
function linkBundles(out: string, stored: Record<string, string>, store: string | undefined): string[] {
  const entries = Object.entries(stored);
  if (entries.length === 0) return [];
  if (!store) throw new Error('The site build wrote search bundles to a store, but the plan names none.');
  const root = path.join(out, 'pagefind');
  fs.mkdirSync(root, { recursive: true });
  for (const [name, folder] of entries) {
    if (!BUNDLE.test(name) || !STORED.test(folder))
      throw new Error(`The site build reported a search bundle it may not: ${JSON.stringify([name, folder])}`);
    if (!fs.existsSync(path.join(store, folder))) throw new Error(`The search bundle ${folder} is not in the store.`);
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
    fs.symlinkSync(path.relative(root, path.join(store, folder)), path.join(root, name), 'dir');
  }
  return entries.map(([name]) => `pagefind/${name}`);
}

/** What an incremental build changed in the live build's files: what it rendered, dropped and linked anew. */
export interface Assembled {
  rendered: string[];
  changed: string[];
  carriedBy: CarriedBy;
}

/**
 * Puts the build together in `out`: for an incremental build, the live build's files less
 * what the site dropped, with what it rendered moved in; for either kind, the search bundles
 * it wrote to the store linked in. Answers what an incremental build changed; null for a full one.
 */
export async function assembleBuild(
  out: string,
  report: Partial<BuildReport> | null,
  carrying: Carrying | null,
  store: string | undefined,
): Promise<Assembled | null> {
  try {
    let incremental: { dropped: string[]; rendered: string[]; carriedBy: CarriedBy } | null = null;
    if (report?.fromBase) {
      if (!carrying) throw new Error('The site build reported an incremental build, but no live build was carried.');
      const carriedBy = await carrying.linked;
      const { dropped } = report.fromBase;
      if (!Array.isArray(dropped)) throw new Error('The site build reported no list of what to drop.');
      const checked = new Set<string>();
      for (const rel of dropped) drop(carrying.staging, rel, checked);
      incremental = { dropped, rendered: moveInto(out, carrying.staging, checked), carriedBy };
    }
    // A report of the operator's own BUILD_COMMAND may say nothing of search: nothing to link.
    const linked = linkBundles(out, report?.search?.stored ?? {}, store);
    if (!incremental) return null;
    return {
      rendered: incremental.rendered,
      carriedBy: incremental.carriedBy,
      changed: [...new Set([...incremental.dropped, ...incremental.rendered, ...linked])],
    };
  } finally {
    await discardCarrying(carrying);
  }
}

/**
 * A site build (`run`) outside the builder, put together as the builder does it: the plan's
 * live build carried beside it (from `spare` when given), then assembled. The benchmark's
 * builds and the tests' use it. Answers the build's report.
 */
export async function runAssembled(
  plan: BuildPlan,
  run: () => Promise<void>,
  spare?: string,
): Promise<Partial<BuildReport> | null> {
  const carrying = startCarrying(plan.base, `${plan.outDir}.staging`, spare);
  try {
    await run();
  } catch (error) {
    await discardCarrying(carrying);
    throw error;
  }
  const report = readBuildReport(plan);
  await assembleBuild(plan.outDir, report, carrying, plan.searchBundles);
  return report;
}
