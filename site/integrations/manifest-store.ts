import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncrementalState } from '../src/lib/incremental';
import { afterBuild, keptAcrossBuilds, writesAfterBuild } from '../src/lib/build-session';
import { jsonPieces } from './json-pieces';

/**
 * A build's manifest, kept in the cache (not served): its files and the assets each refers
 * to, its search bundles and each item page's, and what each page read.
 */
export type Manifest = NonNullable<IncrementalState['manifest']>;

/** Manifests kept: the live build's, and those of the builds the builder keeps to roll back to. */
const KEEP = 12;

const manifestFile = (dir: string, build: string) =>
  path.join(dir, `${crypto.createHash('sha1').update(path.resolve(build)).digest('hex')}.json`);

/**
 * The manifest this process wrote last, with its file's size and time once it is written: in
 * the builder's worker, the next build starts from the build this one made, and parsing its
 * manifest again (24 MB at 10 000 documents × 3 languages) took a second of every publish.
 * While its file is being written (`writing`), the manifest held is the one the file will hold.
 */
const held = keptAcrossBuilds<{ manifest: Manifest; writing: boolean; size?: number; mtimeMs?: number }>('manifest');

/** A build's manifest; null when it has none, or one that cannot be read (the build is then full). */
export function readManifest(dir: string, build: string): Manifest | null {
  const file = manifestFile(dir, build);
  const kept = held.get(file);
  if (kept?.writing) return kept.manifest;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return null;
  if (kept && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs) return kept.manifest;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * The live build's manifest is about to be changed in place into the next build's: it is
 * forgotten, so that were this build to fail, the next would read the live build's from its
 * file. A write of it still under way is let finish first, so the file holds the live build's.
 */
export async function takeManifest(): Promise<void> {
  await writesAfterBuild();
  held.clear();
}

/**
 * Writes a build's manifest (of `build`, into `dir`): before the build ends (`now`), or after
 * (`later`). Turning 24 MB of manifest into a file holds a process for most of a second; the
 * builder's worker, which stays, does it in pieces after it has replied, while the builder
 * signs, seals and verifies the build, and between the next build's own steps if one comes
 * (its content sync waits on the CMS). The next build reads the manifest from memory
 * meanwhile, and waits for the write before it changes it (`takeManifest`); the worker, before
 * it ends (build-worker.mjs). `astro build` by hand ends its process as soon as the build
 * resolves, so it waits. A manifest that could not be written makes the next build full,
 * never wrong.
 */
export async function writeManifest(dir: string, build: string, manifest: Manifest, when: 'now' | 'later') {
  const file = manifestFile(dir, build);
  held.clear();
  held.set(file, { manifest, writing: true });
  const write = writeInPieces(file, manifest)
    .then(({ size, mtimeMs }) => {
      held.set(file, { manifest, writing: false, size, mtimeMs });
      keepNewest(dir, KEEP);
    })
    .catch((error: unknown) => {
      held.delete(file);
      console.error(`The build's manifest could not be written (the next build will be full): ${String(error)}`);
    });
  afterBuild(write);
  if (when === 'now') await write;
}

/** Written whole or not at all: a manifest cut short would make the next build full, never wrong. */
async function writeInPieces(file: string, manifest: Manifest): Promise<fs.Stats> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const handle = await fs.promises.open(partial, 'w');
  try {
    let text = '';
    for (const piece of jsonPieces(manifest as unknown as Record<string, unknown>)) {
      text += piece;
      // Each write lets the process do other work: a megabyte of text takes about 10 ms to make.
      if (text.length >= 2 ** 20) {
        await handle.write(text);
        text = '';
      }
    }
    await handle.write(text);
  } finally {
    await handle.close();
  }
  await fs.promises.rename(partial, file);
  return fs.promises.stat(file);
}

function keepNewest(dir: string, count: number) {
  const files = fs
    .readdirSync(dir)
    .map((f) => path.join(dir, f))
    .map((file) => ({ file, mtimeMs: fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of files.slice(count)) fs.rmSync(file, { force: true });
}
