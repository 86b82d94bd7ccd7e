import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Hard-links the live build's files into a staging folder, in a thread of its own: tens of
 * thousands of links and folders are kernel work that runs beside Astro's start, content sync
 * and bundling rather than after them. The files are the live build's pages and other
 * published files, and its search bundles (the folders under pagefind/, or their links, not
 * the files beside them, which every build writes anew).
 */
const { base, staging, files } = workerData;
const search = path.join(base, 'pagefind');
const found = fs.existsSync(search) ? fs.readdirSync(search, { withFileTypes: true, recursive: true }) : [];
const bundles = found.filter((e) => e.isFile() && e.parentPath !== search).map((e) => path.relative(base, path.join(e.parentPath, e.name)));
// A bundle in the builder's store is a link to its folder there (integrations/pagefind.mjs):
// the same relative link serves from the new build, which sits beside the live one.
const storedBundles = found.filter((e) => e.isSymbolicLink()).map((e) => e.name);
if (storedBundles.length > 0) fs.mkdirSync(path.join(staging, 'pagefind'), { recursive: true });
for (const name of storedBundles) fs.symlinkSync(fs.readlinkSync(path.join(search, name)), path.join(staging, 'pagefind', name), 'dir');
const made = new Set();
for (const rel of [...files, ...bundles]) {
  const folder = path.dirname(path.join(staging, rel));
  if (!made.has(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  fs.linkSync(path.join(base, rel), path.join(staging, rel));
}
parentPort.postMessage('linked');
