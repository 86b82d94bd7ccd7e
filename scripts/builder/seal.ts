import fs from 'node:fs';
import path from 'node:path';

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
