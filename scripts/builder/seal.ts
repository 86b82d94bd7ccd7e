import fs from 'node:fs';
import path from 'node:path';
import type { Assembled } from './assemble';
import { outermost } from './deltas';

const WRITE = 0o222;

function sealFile(file: string) {
  const { mode } = fs.lstatSync(file);
  if (mode & WRITE) fs.chmodSync(file, mode & ~WRITE & 0o7777);
}

/** Makes every file under `dir` read-only (folders stay writable, so old builds can be removed); returns the pages (.html) in it. */
function sealTree(dir: string): number {
  let pages = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) pages += sealTree(full);
    else if (entry.isFile()) {
      sealFile(full);
      if (entry.name.endsWith('.html')) pages += 1;
    }
  }
  return pages;
}

/** The search bundles a build links to in the builder's store: each is sealed once, its entry file last. */
function sealLinkedBundles(dir: string) {
  const search = path.join(dir, 'pagefind');
  if (!fs.existsSync(search)) return;
  for (const entry of fs.readdirSync(search, { withFileTypes: true })) {
    if (!entry.isSymbolicLink()) continue;
    const bundle = fs.realpathSync(path.join(search, entry.name));
    const marker = path.join(bundle, 'pagefind-entry.json');
    if (fs.existsSync(marker) && (fs.statSync(marker).mode & WRITE) === 0) continue;
    for (const file of fs.readdirSync(bundle, { recursive: true, withFileTypes: true })) {
      const full = path.join(file.parentPath, file.name);
      if (file.isFile() && full !== marker) sealFile(full);
    }
    if (fs.existsSync(marker)) sealFile(marker);
  }
}

/**
 * A finished build is read-only before it may go live. Builds share files by hard link (an
 * incremental build links every file it did not render from the live one), so a write into
 * one file would change the live build and every kept build at once; builds only ever
 * replace files by rename. Returns the pages counted on disk while sealing: the build check
 * trusts what is there, not what the build reported.
 */
export function sealBuild(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  sealLinkedBundles(dir);
  return sealTree(dir);
}

/** The pages (.html files, links not followed) at a path of a build: none when nothing is there. */
function pagesAt(full: string): number {
  const stat = fs.lstatSync(full, { throwIfNoEntry: false });
  if (stat?.isFile()) return full.endsWith('.html') ? 1 : 0;
  if (!stat?.isDirectory()) return 0;
  return fs
    .readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

/**
 * An incremental build sealed at the cost of its change. Every file it carried is the live
 * build's own (`base`), sealed when that build was; only what it rendered is new. Its pages
 * are the live build's, counted on disk when it was sealed, plus what each changed path holds
 * on disk now less what it held in the live build.
 */
export function sealChange(dir: string, base: string, basePages: number, change: Assembled): number {
  sealLinkedBundles(dir);
  for (const rel of change.rendered) sealFile(path.join(dir, rel));
  let pages = basePages;
  for (const rel of outermost(change.changed)) pages += pagesAt(path.join(dir, rel)) - pagesAt(path.join(base, rel));
  return pages;
}
