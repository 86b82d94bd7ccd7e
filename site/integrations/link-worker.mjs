import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Makes the staging folder hold the live build's files, as hard links, in a thread of its
 * own: tens of thousands of links and folders are kernel work that runs beside Astro's start,
 * content sync and bundling rather than after them. The files are the live build's pages and
 * other published files, and its search bundles (the folders under pagefind/, or their links,
 * not the files beside them, which every build writes anew).
 */
const { base, staging, files, spare } = workerData;
const made = new Set();
function linkInto(rel) {
  const folder = path.dirname(path.join(staging, rel));
  if (!made.has(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  fs.linkSync(path.join(base, rel), path.join(staging, rel));
}

/** Removes a folder left empty, and each parent it leaves empty, up to the staging folder. */
function pruneUp(dir) {
  while (dir !== staging && fs.readdirSync(dir).length === 0) {
    fs.rmdirSync(dir);
    dir = path.dirname(dir);
  }
}

/**
 * The builder's spare (the newest retired build; scripts/builder/deploy.ts) becomes the
 * staging folder: it differs from the live build only in what the builds since changed, so
 * comparing 30 000 files and relinking a few dozen replaces making 30 000 folders and links,
 * and the builder has one build fewer to delete. Its other files go, and every file left is
 * the live build's own (the same inode), never a copy that could differ.
 */
function reuseSpare(wanted) {
  // A spare from before the last full build shares no file with the live build: linking
  // afresh is then cheaper than replacing every file. A hundred files tell which it is.
  const all = [...wanted];
  const sample = all.filter((_, i) => i % Math.ceil(all.length / 100) === 0);
  const shared = sample.filter(
    (rel) =>
      fs.lstatSync(path.join(spare, rel), { throwIfNoEntry: false })?.ino === fs.statSync(path.join(base, rel)).ino,
  );
  if (shared.length * 2 < sample.length) return false;
  try {
    fs.renameSync(spare, staging);
  } catch {
    return false;
  }
  const emptied = new Set();
  for (const entry of fs.readdirSync(staging, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (wanted.has(path.relative(staging, file))) continue;
    fs.rmSync(file);
    emptied.add(entry.parentPath);
  }
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) if (fs.existsSync(dir)) pruneUp(dir);
  for (const rel of wanted) {
    const have = fs.lstatSync(path.join(staging, rel), { throwIfNoEntry: false });
    if (have && have.ino === fs.statSync(path.join(base, rel)).ino) continue;
    if (have) fs.rmSync(path.join(staging, rel));
    linkInto(rel);
  }
  return true;
}

const search = path.join(base, 'pagefind');
const found = fs.existsSync(search) ? fs.readdirSync(search, { withFileTypes: true, recursive: true }) : [];
const bundles = found
  .filter((e) => e.isFile() && e.parentPath !== search)
  .map((e) => path.relative(base, path.join(e.parentPath, e.name)));
if (!(spare && fs.existsSync(spare) && reuseSpare(new Set([...files, ...bundles]))))
  for (const rel of [...files, ...bundles]) linkInto(rel);
// A bundle in the builder's store is a link to its folder there (integrations/search-index.ts):
// the same relative link serves from the new build, which sits beside the live one.
const storedBundles = found.filter((e) => e.isSymbolicLink()).map((e) => e.name);
if (storedBundles.length > 0) fs.mkdirSync(path.join(staging, 'pagefind'), { recursive: true });
for (const name of storedBundles)
  fs.symlinkSync(fs.readlinkSync(path.join(search, name)), path.join(staging, 'pagefind', name), 'dir');
parentPort.postMessage('linked');
