import { build } from 'astro';
import { fileURLToPath } from 'node:url';
import { forgetGeneration, generateWithKeptCode, hasKeptGeneration, keepEachGeneration } from './astro-generation.mjs';

/**
 * The site build as a long-running process, for the builder (scripts/builder/site-worker.ts).
 * It sends each build's environment over IPC and this process builds in place: starting Node,
 * loading Astro and Vite and reading the entries happen once, not on every publish. Per-build
 * state lives in the build's session (src/lib/build-session.ts).
 *
 * A publish after a public build renders its pages with the page code that build bundled,
 * without an Astro build (integrations/kept-code.ts, astro-generation.mjs); every other build
 * is Astro's own.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const own = { ...process.env };
// The site's state in this process (src/lib/build-session.ts): the last public build leaves its publisher there.
const SITE_STATE = Symbol.for('newsroom.site-build');
keepEachGeneration();

async function buildOnce() {
  const publisher = globalThis[SITE_STATE]?.publisher;
  if (publisher && hasKeptGeneration() && (await publisher(generateWithKeptCode))) return;
  forgetGeneration();
  await build({ root, logLevel: 'info' });
}

process.on('message', async ({ env }) => {
  // Each build sees this process's own environment and what the builder sent, nothing older.
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, own, env);
  try {
    await buildOnce();
    // The builder starts the worker afresh when its heap nears the limit (scripts/builder/site-worker.ts).
    process.send({ ok: true, heapUsedBytes: process.memoryUsage().heapUsed });
  } catch (error) {
    process.send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
// The builder went away, or retires this process: nothing more will be asked of it. What the
// last build left to write (its manifest) is written first, or the next build would be full.
process.on('disconnect', () => {
  void Promise.resolve(globalThis[SITE_STATE]?.writing).finally(() => process.exit(0));
});
