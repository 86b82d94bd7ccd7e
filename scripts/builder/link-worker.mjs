import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Makes the staging folder hold the live build's files, as hard links, and its links (the
 * search bundles in the store), in a thread of its own: tens of thousands of links and folders
 * are kernel work that runs beside the site's build rather than after it (see assemble.ts).
 */
const { base, staging, spare, changed } = workerData;
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
  while (dir !== staging && fs.existsSync(dir) && fs.readdirSync(dir).length === 0) {
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

/** The live build's file, folder or link at `rel` put in the staging folder as it is there. */
function carry(rel) {
  const source = path.join(base, rel);
  const stat = fs.lstatSync(source, { throwIfNoEntry: false });
  const target = path.join(staging, rel);
  if (!stat) return pruneUp(path.dirname(target));
  if (stat.isFile() || stat.isSymbolicLink()) fs.mkdirSync(path.dirname(target), { recursive: true });
  if (stat.isFile()) fs.linkSync(source, target);
  else if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
  else if (stat.isDirectory())
    for (const entry of fs.readdirSync(source, { withFileTypes: true, recursive: true }))
      if (!entry.isDirectory()) carry(path.relative(base, path.join(entry.parentPath, entry.name)));
}

/** Throws when a folder on the way to `rel` in the staging folder is a link (into the search store). */
function throughNoLink(rel) {
  const segments = rel.split('/');
  for (let i = 1; i < segments.length; i += 1)
    if (fs.lstatSync(path.join(staging, ...segments.slice(0, i)), { throwIfNoEntry: false })?.isSymbolicLink())
      throw new Error(`${rel} lies through a link`);
}

/**
 * The spare becomes the staging folder at the cost of the changes since it was live: the
 * builder follows each kept build's delta back to the spare (deltas.ts) and hands over every
 * path changed on the way (none under another). Each is deleted and carried again from the live
 * build; every other file of the spare is the live build's by construction (each build links
 * what it did not change from its base). Anything unexpected falls back to comparing all.
 */
function applyChanges() {
  try {
    fs.renameSync(spare, staging);
  } catch {
    return false;
  }
  try {
    for (const rel of changed) {
      throughNoLink(rel);
      fs.rmSync(path.join(staging, rel), { recursive: true, force: true });
      carry(rel);
    }
    return true;
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
    return false;
  }
}

/** The staging folder made from the live build's whole tree, from the spare when it can; answers which. */
function linkAll() {
  // Symbolic links are not followed: a search bundle in the store is one link, kept as a link.
  const entries = fs.readdirSync(base, { withFileTypes: true, recursive: true });
  const relative = (entry) => path.relative(base, path.join(entry.parentPath, entry.name));
  const files = entries.filter((e) => e.isFile()).map(relative);
  const fromSpare = Boolean(spare && fs.existsSync(spare) && files.length > 0 && reuseSpare(new Set(files)));
  if (!fromSpare) for (const rel of files) linkInto(rel);
  // The same relative link serves from the new build, which sits beside the live one.
  for (const rel of entries.filter((e) => e.isSymbolicLink()).map(relative)) {
    fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
    fs.symlinkSync(fs.readlinkSync(path.join(base, rel)), path.join(staging, rel));
  }
  return fromSpare ? 'compared' : 'linked';
}

parentPort.postMessage(changed && fs.existsSync(spare) && applyChanges() ? 'changes' : linkAll());
