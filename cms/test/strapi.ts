import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { strapiSecrets } from './secrets';
import {
  hasPostgresTemplate,
  keepPostgresTemplate,
  keepSqliteTemplate,
  onPostgres,
  postgresTemplate,
  sqliteTemplate,
  templatesDir,
} from './first-boot';

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
  /** Its PostgreSQL database, when it runs on one. */
  database?: string;
}

interface StartOptions {
  listen?: boolean;
  env?: Record<string, string>;
  /** A folder to start in and keep (a restart, the benchmark's corpus): its database as it is. */
  dir?: string;
  port?: number;
  serveAdmin?: boolean;
  /** Tables made and the first bootstrap run by this start, not copied from the run's first start (first-boot.ts). */
  fresh?: boolean;
}

/** The database a first start left: a SQLite file, or a PostgreSQL template. */
type FirstBoot = { sqlite: string } | { postgres: string };

// As the test run set it: a started Strapi's own database takes its place in process.env.
const POSTGRES_SERVER = process.env.DATABASE_URL;

/** A new PostgreSQL database on the server DATABASE_URL names, a copy of `template` if given; dropped at stop. */
async function freshPostgres(baseUrl: string, template?: string) {
  const name = `newsroom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onPostgres(baseUrl, (query) => query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onPostgres(baseUrl, (query) => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
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
 * Boots the compiled CMS (with its admin panel when `serveAdmin`: see admin-build.ts) on its own
 * database: a SQLite file, or a new PostgreSQL database when DATABASE_URL is set (CI's second
 * pass). The database starts as the run's first start left it, unless `fresh` (first-boot.ts).
 */
export async function startStrapi(options: StartOptions = {}): Promise<TestStrapi> {
  const templates = templatesDir();
  const from = templates && !options.dir && !options.fresh ? await firstBoot(templates) : undefined;
  return boot(options, from);
}

/** The run's first start, made now if no test made it before. */
async function firstBoot(templates: string): Promise<FirstBoot> {
  const kept = await keptFirstBoot(templates);
  if (kept) return kept;
  const first = await boot({});
  await first.stop({ keepData: true });
  try {
    if (POSTGRES_SERVER) await keepPostgresTemplate(POSTGRES_SERVER, first.database!, postgresTemplate(templates));
    else await keepSqliteTemplate(templates, first.dir);
  } finally {
    await fs.rm(first.dir, { recursive: true, force: true });
  }
  return (await keptFirstBoot(templates))!;
}

/** The first start a test of this run kept, if one did. */
async function keptFirstBoot(templates: string): Promise<FirstBoot | undefined> {
  if (POSTGRES_SERVER) {
    const name = postgresTemplate(templates);
    return (await hasPostgresTemplate(POSTGRES_SERVER, name)) ? { postgres: name } : undefined;
  }
  const file = await sqliteTemplate(templates);
  return file ? { sqlite: file } : undefined;
}

async function boot(options: StartOptions, from?: FirstBoot): Promise<TestStrapi> {
  const runnerListeners = processListeners();
  // A given folder (the benchmark's corpus) is kept at stop; a temporary one is removed.
  const dir = options.dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-cms-')));
  await fs.mkdir(path.join(dir, 'public', 'uploads'), { recursive: true });
  if (from && 'sqlite' in from) await fs.copyFile(from.sqlite, path.join(dir, 'data.db'));
  const postgres =
    POSTGRES_SERVER && !options.dir
      ? await freshPostgres(POSTGRES_SERVER, from && 'postgres' in from ? from.postgres : undefined)
      : null;
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
    database: postgres?.name,
    stop: async ({ keepData = false } = {}) => {
      await strapi.destroy();
      restoreProcessListeners(runnerListeners);
      if (keepData) return;
      await postgres?.drop();
      if (!options.dir) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
