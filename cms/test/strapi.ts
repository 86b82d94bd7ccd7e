import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { strapiSecrets } from './secrets';

const require = createRequire(import.meta.url);
// From __filename: under tsx (the benchmark) __dirname is not this file's folder.
const appDir = path.resolve(path.dirname(__filename), '..');

export interface TestStrapi {
  strapi: Core.Strapi;
  /** http://127.0.0.1:<port> when started with `listen`. */
  url: string;
  /** The app's own bootstrap, to run it again. */
  bootstrap(): Promise<void>;
  /** Stops Strapi; `keepData` leaves its database and folder for another start (a restart). */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** The folder of its uploads and SQLite file. */
  dir: string;
}

/** A fresh PostgreSQL database next to the one DATABASE_URL names; dropped at stop. */
async function freshPostgres(baseUrl: string) {
  const { Client } = require('pg') as typeof import('pg');
  const name = `newsroom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

type Listeners = Array<[string | symbol, Array<(...args: unknown[]) => void>]>;

const processListeners = (): Listeners =>
  process
    .eventNames()
    .map((event) => [event, process.listeners(event as never) as Array<(...args: unknown[]) => void>]);

/**
 * strapi.destroy() calls process.removeAllListeners(), which also removes the test
 * runner's IPC listener; without it the worker dies mid-run (EPIPE). Put them back.
 */
function restoreProcessListeners(listeners: Listeners) {
  for (const [event, fns] of listeners) {
    for (const fn of fns) if (!process.listeners(event as never).includes(fn as never)) process.on(event as never, fn);
  }
}

/**
 * Boots the compiled CMS (with its admin panel when `serveAdmin`: see admin-build.ts) on its own temporary database: a SQLite file, or a new
 * PostgreSQL database when DATABASE_URL is set (CI's second pass).
 */
export async function startStrapi(
  options: { listen?: boolean; env?: Record<string, string>; dir?: string; port?: number; serveAdmin?: boolean } = {},
): Promise<TestStrapi> {
  const runnerListeners = processListeners();
  // A given folder (the benchmark's corpus) is kept at stop; a temporary one is removed.
  const dir = options.dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-cms-')));
  await fs.mkdir(path.join(dir, 'public', 'uploads'), { recursive: true });
  const postgres = process.env.DATABASE_URL && !options.dir ? await freshPostgres(process.env.DATABASE_URL) : null;
  Object.assign(process.env, {
    // Strapi loads <cwd>/.env (a developer's cms/.env from `npm start`): tests must not.
    ENV_PATH: path.join(dir, 'no.env'),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    ...strapiSecrets(),
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    PUBLIC_DIR: path.join(dir, 'public'),
    PRIVATE_FILES_DIR: path.join(dir, 'private-files'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    CRON_ENABLED: 'false',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...options.env,
  });
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: options.serveAdmin ?? false,
  }).load();
  let url = '';
  if (options.listen) {
    // server.listen mounts the routes, then listens (PORT=0: an ephemeral port).
    await new Promise<void>((resolve) => strapi.server.listen(options.port ?? 0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  }
  const app = require(path.join(appDir, 'dist/src/index.js')).default as {
    bootstrap(ctx: { strapi: Core.Strapi }): Promise<void>;
  };
  return {
    strapi,
    url,
    bootstrap: () => app.bootstrap({ strapi }),
    dir,
    stop: async ({ keepData = false } = {}) => {
      await strapi.destroy();
      restoreProcessListeners(runnerListeners);
      if (keepData) return;
      await postgres?.drop();
      if (!options.dir) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
