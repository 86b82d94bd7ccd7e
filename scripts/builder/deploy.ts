import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { writeJsonAtomic } from '../lib/json-state';

/**
 * builds/<id>/ holds each build; builds/current is a symlink to the live one. Switching
 * writes a new link beside it and renames it over `current`: rename is atomic, so a
 * reader sees the old build or the new one, never a mix or nothing.
 */
export const currentLink = (buildsDir: string) => path.join(buildsDir, 'current');
export const buildDir = (buildsDir: string, id: string) => path.join(buildsDir, id);
/** The newest retired build, kept for the next incremental build to make its folder from. */
export const spareBuildDir = (buildsDir: string) => path.join(buildsDir, '.spare');
/** A build's name, as newBuildId gives it. */
export const BUILD_ID = /^\d{8}T\d{6}Z-[a-z0-9]{4}$/;

/** Which build the spare was, written once it is in place (a spare of unknown origin is compared file by file). */
const spareIdFile = (buildsDir: string) => path.join(buildsDir, '.spare.json');

export function spareBuildId(buildsDir: string): string | null {
  try {
    const { id } = JSON.parse(fs.readFileSync(spareIdFile(buildsDir), 'utf8')) as { id?: unknown };
    return typeof id === 'string' && BUILD_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}
/** Where the builder assembles a build from the live one and what the site rendered (assemble.ts). */
export const stagingDir = (buildsDir: string) => path.join(buildsDir, '.staging');
/**
 * Search bundles, each written once by the site's build (site/integrations/search-index.ts)
 * and linked by the builder as `pagefind/<name>` into the builds that serve it (assemble.ts).
 */
export const searchBundlesDir = (buildsDir: string) => path.join(buildsDir, '.search-bundles');

export function newBuildId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}`;
}

export function liveBuildId(buildsDir: string): string | null {
  try {
    return path.basename(fs.readlinkSync(currentLink(buildsDir)));
  } catch {
    return null;
  }
}

export function switchCurrent(buildsDir: string, id: string): void {
  const target = buildDir(buildsDir, id);
  if (!fs.existsSync(path.join(target, 'index.html')))
    throw new Error(`Build ${id} has no index.html; not switching to it`);
  const temp = path.join(buildsDir, `.current-${id}`);
  fs.rmSync(temp, { force: true });
  fs.symlinkSync(id, temp, 'dir');
  fs.renameSync(temp, currentLink(buildsDir));
}

/** Build folders, oldest first (ids sort by time). */
export function keptBuilds(buildsDir: string): string[] {
  if (!fs.existsSync(buildsDir)) return [];
  return fs
    .readdirSync(buildsDir)
    .filter((name) => BUILD_ID.test(name))
    .sort();
}

const REMOVING = '.removing-';
const inFlight = new Set<string>();

/**
 * Retires all but the newest `keep` builds (the live one always stays), and the search
 * bundles none of the kept ones links to. Each is renamed out of
 * the kept set at once (a rollback can never pick a half-removed folder), then deleted by a
 * low-priority `rm` of its own: deleting tens of thousands of files, in this process, held up
 * the builder's event loop and then its file-system threads (the site it serves, the next
 * build's checks), and at normal priority it slowed the next build. Folders left
 * half-deleted by a stop are deleted on the next call.
 */
export function retain(buildsDir: string, keep: number): Promise<void> {
  const live = liveBuildId(buildsDir);
  const all = keptBuilds(buildsDir);
  const retired = all.slice(0, Math.max(0, all.length - keep)).filter((id) => id !== live);
  // The newest retired build becomes the spare (see link-worker.mjs):
  // turning it into the next build's folder costs far less than deleting it and linking a
  // new one. A spare not taken is replaced: the newer, the closer to the live build.
  const spare = spareBuildDir(buildsDir);
  for (const id of retired) fs.renameSync(buildDir(buildsDir, id), path.join(buildsDir, `${REMOVING}${id}`));
  if (retired.length > 0) {
    fs.rmSync(spareIdFile(buildsDir), { force: true });
    if (fs.existsSync(spare)) fs.renameSync(spare, path.join(buildsDir, `${REMOVING}spare-${retired.at(-1)}`));
    fs.renameSync(path.join(buildsDir, `${REMOVING}${retired.at(-1)}`), spare);
    writeJsonAtomic(spareIdFile(buildsDir), { id: retired.at(-1) });
  }
  for (const bundle of unlinkedBundles(buildsDir))
    fs.renameSync(path.join(searchBundlesDir(buildsDir), bundle), path.join(buildsDir, `${REMOVING}bundle-${bundle}`));
  const doomed = fs
    .readdirSync(buildsDir)
    .map((name) => path.join(buildsDir, name))
    .filter((dir) => path.basename(dir).startsWith(REMOVING) && !inFlight.has(dir));
  if (doomed.length === 0) return Promise.resolve();
  for (const dir of doomed) inFlight.add(dir);
  return new Promise<void>((resolve, reject) => {
    const rm = spawn('nice', ['-n', '19', 'rm', '-rf', '--', ...doomed], { stdio: 'ignore' });
    rm.once('error', reject);
    rm.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`rm exited with ${code}`))));
  }).finally(() => doomed.forEach((dir) => inFlight.delete(dir)));
}

/** Bundles in the store that no kept build links to (the builder's own links): left by retired or failed builds. */
function unlinkedBundles(buildsDir: string): string[] {
  const store = searchBundlesDir(buildsDir);
  if (!fs.existsSync(store)) return [];
  const linked = new Set<string>();
  for (const id of keptBuilds(buildsDir)) {
    const search = path.join(buildDir(buildsDir, id), 'pagefind');
    if (!fs.existsSync(search)) continue;
    for (const entry of fs.readdirSync(search, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) linked.add(path.resolve(search, fs.readlinkSync(path.join(search, entry.name))));
    }
  }
  return fs.readdirSync(store).filter((bundle) => !linked.has(path.join(store, bundle)));
}
