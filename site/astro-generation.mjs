import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Astro's page generation, kept from the last build of this process for the publishes after
 * it (decisions/0015-publishing-with-the-kept-page-code.md). An Astro build bundles the page
 * code with Vite, then generates the pages with that bundle: `generatePages(options,
 * internals)`. This module notes those two arguments when a build makes its pipeline, keeps the
 * bundle and the files Vite wrote beside it (the browser's scripts, `public/`), and can run the
 * generation again into another folder without bundling.
 *
 * Astro does not export these functions: they are imported from its files, the same modules
 * Astro's build uses. `npm ci` installs the version the lock file names, and the differential
 * test compares every publish made this way with a full Astro build, byte for byte.
 */
const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const internal = (rel) => import(pathToFileURL(path.join(astroDir, 'dist', rel)).href);
const { BuildPipeline } = await internal('core/build/pipeline.js');
const { generatePages } = await internal('core/build/generate.js');
const { getOutDirWithinCwd } = await internal('core/build/common.js');

/** The server bundle's modules (as Astro's own cleanup tells them): everything else Vite wrote is published. */
const isServerModule = (rel) => /\.mjs(\.map)?$/.test(rel) && !rel.startsWith(`_astro${path.sep}`);

/** Files under a folder, relative to it. */
const filesUnder = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

function linkOrCopy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

let kept = null;
let generating = false;
let count = 0;

/**
 * From now on, each Astro build's generation is noted and its bundle kept, in
 * `<cacheDir>/kept-page-code/`, until the next build replaces it.
 */
export function keepEachGeneration() {
  const create = BuildPipeline.create;
  BuildPipeline.create = function keepingCreate(args) {
    if (!generating) kept = keep(args.options, args.internals);
    return create.call(this, args);
  };
}

/** Forgets the kept generation: the build under way makes (or fails to make) the next one. */
export function forgetGeneration() {
  kept = null;
}

export const hasKeptGeneration = () => kept !== null;

function keep(options, internals) {
  // Astro builds into a folder of the working directory when the output folder lies outside it.
  const out = fileURLToPath(getOutDirWithinCwd(options.settings.config.outDir));
  const root = path.join(fileURLToPath(options.settings.config.cacheDir), 'kept-page-code');
  // One process builds at a time, and a new worker starts with a new build: nothing older is used.
  fs.rmSync(root, { recursive: true, force: true });
  const dir = path.join(root, `${process.pid}-${++count}`);
  const server = [];
  const published = [];
  for (const rel of filesUnder(out)) {
    // Source maps and the type declarations Astro writes beside them are not published.
    if (rel.endsWith('.map') || (!rel.includes(path.sep) && rel.endsWith('.d.ts'))) continue;
    linkOrCopy(path.join(out, rel), path.join(dir, rel));
    (isServerModule(rel) ? server : published).push(rel);
  }
  const middleware =
    internals.middlewareEntryPoint && path.relative(out, fileURLToPath(internals.middlewareEntryPoint));
  return {
    options,
    internals,
    dir,
    server,
    published,
    middleware,
    addStaticImage: globalThis.astroAsset?.addStaticImage,
  };
}

/**
 * Generates the pages into `outDir` as the kept build generated its own: the server bundle is
 * linked in by symbolic links (Node loads a module by its real path, so the modules loaded
 * once stay loaded, with the state they keep of content they were given: see
 * src/lib/build-session.ts), and the published files Vite wrote are linked in as the build
 * would have written them. Then, as Astro does after generating, the server bundle goes, and
 * what was generated in the working directory moves to `outDir`.
 */
export async function generateWithKeptCode(outDir, cacheDir) {
  if (!kept) throw new Error('No page code is kept: an Astro build must come first.');
  const { options, internals, dir, server, published, middleware, addStaticImage } = kept;
  const outUrl = pathToFileURL(`${outDir}/`);
  const generatedUrl = getOutDirWithinCwd(outUrl);
  const generated = fileURLToPath(generatedUrl);
  fs.rmSync(generated, { recursive: true, force: true });
  for (const rel of server) {
    fs.mkdirSync(path.dirname(path.join(generated, rel)), { recursive: true });
    fs.symlinkSync(path.join(dir, rel), path.join(generated, rel));
  }
  for (const rel of published) linkOrCopy(path.join(dir, rel), path.join(generated, rel));
  const settings = {
    ...options.settings,
    config: { ...options.settings.config, outDir: outUrl, cacheDir: pathToFileURL(`${cacheDir}/`) },
  };
  // The images the pages ask for, as Astro's build collects them (its asset plugin sets this up when Vite starts).
  globalThis.astroAsset = { ...globalThis.astroAsset, addStaticImage, staticImages: new Map() };
  generating = true;
  try {
    await generatePages(
      { ...options, settings, pageNames: [] },
      { ...internals, middlewareEntryPoint: middleware ? new URL(middleware, generatedUrl) : undefined },
    );
  } finally {
    generating = false;
  }
  for (const rel of server) fs.rmSync(path.join(generated, rel));
  if (generated !== fileURLToPath(outUrl)) {
    fs.cpSync(generated, outDir, { recursive: true, force: true });
    fs.rmSync(generated, { recursive: true, force: true });
  }
}
