import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Makes the staging folder hold the live build's files, as hard links, and its links (the
 * search bundles in the store), in a thread of its own: tens of thousands of links and folders
 * are kernel work that runs beside the site's build rather than after it (see assemble.ts).
 */
const { base, staging, spare } = workerData;
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
 * The builder's spare (the newest retired build; deploy.ts) becomes the staging folder: it
 * differs from the live build only in what the builds since changed, so comparing 30 000
 * files and relinking a few dozen replaces making 30 000 folders and links, and the builder has
 * one build fewer to delete. Its other files go, and every file left is the live build's own
 * (the same inode), never a copy that could differ.
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
    if (entry.isFile() && wanted.has(path.relative(staging, file))) continue;
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

// Symbolic links are not followed: a search bundle in the store is one link, kept as a link.
const entries = fs.readdirSync(base, { withFileTypes: true, recursive: true });
const relative = (entry) => path.relative(base, path.join(entry.parentPath, entry.name));
const files = entries.filter((e) => e.isFile()).map(relative);
if (!(spare && fs.existsSync(spare) && files.length > 0 && reuseSpare(new Set(files))))
  for (const rel of files) linkInto(rel);
// The same relative link serves from the new build, which sits beside the live one.
for (const rel of entries.filter((e) => e.isSymbolicLink()).map(relative)) {
  fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
  fs.symlinkSync(fs.readlinkSync(path.join(base, rel)), path.join(staging, rel));
}
parentPort.postMessage('linked');
