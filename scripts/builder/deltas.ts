import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomic } from '../lib/json-state';
import { insideBuild } from './assemble';
import { BUILD_ID } from './deploy';

/**
 * What an incremental build changed against the build it was made from: every path the site
 * rendered or dropped, and each search bundle link it replaced. The builder keeps one for each
 * kept build, so the next build's folder is made from the spare (an older build) by redoing
 * only the paths changed since the spare was live, not by comparing every file of the site.
 */
export interface BuildDelta {
  base: string;
  changed: string[];
}

/** Longer than any chain of kept builds; a chain that loops ends here. */
const MAX_CHAIN = 100;
const deltaFile = (buildsDir: string, id: string) => path.join(buildsDir, '.deltas', `${id}.json`);

/** Keeps what a build that went live changed against its base. */
export function recordDelta(buildsDir: string, id: string, delta: BuildDelta): void {
  writeJsonAtomic(deltaFile(buildsDir, id), delta, { compact: true });
}

/**
 * A build's delta as kept, checked as it is read: a delta names paths the link thread deletes.
 * One that is missing or not as written is no delta: the next folder is then compared file by file.
 */
function readDelta(buildsDir: string, id: string): BuildDelta | null {
  try {
    const delta = JSON.parse(fs.readFileSync(deltaFile(buildsDir, id), 'utf8')) as Partial<BuildDelta>;
    if (typeof delta.base !== 'string' || !BUILD_ID.test(delta.base) || !Array.isArray(delta.changed)) return null;
    return { base: delta.base, changed: delta.changed.map(insideBuild) };
  } catch {
    return null;
  }
}

/**
 * Every path changed between build `from` and build `to`, following each build's base back
 * from `to`; null when the chain breaks before `from` (a full build, a rollback, a lost file):
 * the folder is then compared file by file.
 */
export function changesBetween(buildsDir: string, from: string | null, to: string): string[] | null {
  if (!from) return null;
  const changed = new Set<string>();
  let id = to;
  for (let step = 0; id !== from; step += 1) {
    const delta = step < MAX_CHAIN && BUILD_ID.test(id) ? readDelta(buildsDir, id) : null;
    if (!delta) return null;
    for (const rel of delta.changed) changed.add(rel);
    id = delta.base;
  }
  return [...changed];
}

/** Deletes the deltas of builds no longer kept: a chain only ever runs through kept builds. */
export function forgetDeltas(buildsDir: string, kept: readonly string[]): void {
  const dir = path.join(buildsDir, '.deltas');
  if (!fs.existsSync(dir)) return;
  const keep = new Set(kept.map((id) => `${id}.json`));
  for (const name of fs.readdirSync(dir)) if (!keep.has(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** The paths of `changed` that lie under no other of them: each is redone whole. */
export function outermost(changed: readonly string[]): string[] {
  const all = new Set(changed);
  return [...all].filter((rel) => {
    const segments = rel.split('/');
    return !segments.some((_, i) => i > 0 && all.has(segments.slice(0, i).join('/')));
  });
}
