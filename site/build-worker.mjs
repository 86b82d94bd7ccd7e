import { fileURLToPath } from 'node:url';
import { build } from 'astro';

/**
 * The site build as a long-running process, for the builder (scripts/builder/site-worker.ts).
 * It sends each build's environment over IPC and this process runs Astro's build in place:
 * starting Node, loading Astro and Vite and reading the entries happen once, not on every
 * publish. Per-build state lives in the build's session (src/lib/build-session.ts).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const own = { ...process.env };

process.on('message', async ({ env }) => {
  // Each build sees this process's own environment and what the builder sent, nothing older.
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, own, env);
  try {
    await build({ root, logLevel: 'info' });
    process.send({ ok: true });
  } catch (error) {
    process.send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
// The builder went away: nothing more will be asked of this process.
process.on('disconnect', () => process.exit(0));
