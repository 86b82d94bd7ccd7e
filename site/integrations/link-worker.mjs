import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Hard-links the live build's files into a staging folder, in a thread of its own: tens of
 * thousands of links and folders are kernel work that runs beside Astro's start, content sync
 * and bundling rather than after them. The files are the live build's pages and other
 * published files, and its search bundles (the folders under pagefind/, not the files beside
 * them, which every build writes anew).
 */
const { base, staging, files } = workerData;
const bundles = fs.existsSync(path.join(base, 'pagefind'))
  ? fs.readdirSync(path.join(base, 'pagefind'), { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && path.relative(path.join(base, 'pagefind'), e.parentPath).length > 0).map((e) => path.relative(base, path.join(e.parentPath, e.name)))
  : [];
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
