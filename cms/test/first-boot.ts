import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A database as a first start leaves it (tables made, bootstrap run), kept for one test run. A
 * test's Strapi starts on a copy and runs its bootstrap again with its own settings, as a
 * restart does: the bootstrap makes the state right whatever it was, and what a setting adds
 * (an admin, the builder's webhook, the demo content) it adds then (src/index.ts). The first
 * start is made with no test's settings. Making the tables and the first bootstrap took 9 of
 * a start's 10 seconds, for every Strapi of every test. A test of the first start itself asks
 * for `fresh`.
 */
export const TEMPLATES_ENV = 'NEWSROOM_TEST_TEMPLATES';

/** The run's folder of the first start, made by the test run's global setup (compile.ts). */
export const templatesDir = (): string | undefined => process.env[TEMPLATES_ENV] || undefined;

/** The PostgreSQL template is named by the run, so that a run drops only its own. */
export const postgresTemplate = (dir: string) =>
  `newsroom_tpl_${path
    .basename(dir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;

/** A SQLite template's file, or undefined when none is kept yet. */
export async function sqliteTemplate(dir: string): Promise<string | undefined> {
  const file = path.join(dir, 'first-start.db');
  return (await fs.stat(file).catch(() => null)) ? file : undefined;
}

/** Keeps a stopped Strapi's SQLite database as the template; a rename, so another test never reads half of one. */
export async function keepSqliteTemplate(dir: string, from: string) {
  // SQLite leaves no write-ahead log when it closes cleanly; a database with one is refused.
  if (await fs.stat(path.join(from, 'data.db-wal')).catch(() => null))
    throw new Error(`The first start's database in ${from} was not closed cleanly.`);
  const pending = path.join(dir, `${randomBytes(4).toString('hex')}.pending`);
  await fs.copyFile(path.join(from, 'data.db'), pending);
  await fs.rename(pending, path.join(dir, 'first-start.db'));
}

/**
 * Keeps a stopped Strapi's PostgreSQL database as the template, by renaming it. Another test
 * may have kept one first: then this one goes. Any other failure is the rename's to tell.
 */
export async function keepPostgresTemplate(baseUrl: string, database: string, template: string) {
  await onPostgres(baseUrl, (query) => query(`ALTER DATABASE ${database} RENAME TO ${template}`)).catch(
    async (error: Error) => {
      await onPostgres(baseUrl, (query) => query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      if (!(await hasPostgresTemplate(baseUrl, template)))
        throw new Error(`The first start's database could not become the run's template: ${error.message}`);
    },
  );
}

/** Runs SQL on the server DATABASE_URL names. */
export async function onPostgres<T>(baseUrl: string, work: (query: (sql: string) => Promise<unknown>) => Promise<T>) {
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work((sql) => client.query(sql));
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL template exists. */
export const hasPostgresTemplate = (baseUrl: string, name: string) =>
  onPostgres(baseUrl, async (query) => {
    const { rowCount } = (await query(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)) as { rowCount: number };
    return rowCount > 0;
  });

/** Drops the run's PostgreSQL template (the global setup's teardown). */
export const dropPostgresTemplates = (baseUrl: string, dir: string) =>
  onPostgres(baseUrl, async (query) => {
    await query(`DROP DATABASE IF EXISTS ${postgresTemplate(dir)} WITH (FORCE)`);
  });
