import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * Work that must run once across every CMS instance (several may run behind a balancer):
 * a lease row per job in the shared database. Taking it is one UPDATE that only succeeds
 * when the lease is free or expired, which both PostgreSQL and SQLite do atomically, so two
 * instances never run the job at the same time. The work itself checks the database for
 * what is left to do, so the next holder never repeats what the last one did.
 */
const TABLE = 'newsroom_leases';
export const HOLDER = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

type Knex = Core.Strapi['db']['connection'];
const ready = new WeakMap<object, Promise<void>>();

async function createTable(knex: Knex) {
  try {
    await knex.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (name varchar(100) PRIMARY KEY, holder varchar(200) NOT NULL, expires_at bigint NOT NULL)`);
  } catch (error) {
    // Two instances creating it at once: PostgreSQL lets one fail; the table is there.
    if (!(await knex.schema.hasTable(TABLE))) throw error;
  }
}

function ensureTable(knex: Knex): Promise<void> {
  let promise = ready.get(knex);
  if (!promise) {
    promise = createTable(knex);
    ready.set(knex, promise);
    promise.catch(() => ready.delete(knex));
  }
  return promise;
}

export type LeaseRun<T> = { ran: true; value: T } | { ran: false };

/** Runs `work` if this instance can take the lease `name` (held at most `ttlMs`), else does nothing. */
export async function withLease<T>(strapi: Core.Strapi, name: string, ttlMs: number, work: () => Promise<T>, holder = HOLDER): Promise<LeaseRun<T>> {
  const knex = strapi.db.connection;
  await ensureTable(knex);
  const now = Date.now();
  await knex(TABLE).insert({ name, holder: '', expires_at: 0 }).onConflict('name').ignore();
  const taken = await knex(TABLE).where('name', name).andWhere('expires_at', '<', now).update({ holder, expires_at: now + ttlMs });
  if (taken !== 1) return { ran: false };
  try {
    return { ran: true, value: await work() };
  } finally {
    await knex(TABLE).where({ name, holder }).update({ expires_at: 0 });
  }
}
