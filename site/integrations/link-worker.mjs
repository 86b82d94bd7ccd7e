import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Hard-links the live build's files into a staging folder, in a thread of its own: tens of
 * thousands of links and folders are kernel work that runs beside Astro's start, content sync
 * and bundling rather than after them.
 */
const { base, staging, files } = workerData;
const made = new Set();
for (const rel of files) {
  const folder = path.dirname(path.join(staging, rel));
  if (!made.has(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  fs.linkSync(path.join(base, rel), path.join(staging, rel));
}
parentPort.postMessage('linked');
