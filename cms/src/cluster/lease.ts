import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ensureTable } from './tables';

/**
 * Work that must run once across every CMS instance (several may run behind a balancer):
 * a lease row per job in the shared database. Taking it is one UPDATE that only succeeds
 * when the lease is free or expired, which both PostgreSQL and SQLite do atomically, so two
 * instances never run the job at the same time. The work itself checks the database for
 * what is left to do, so the next holder never repeats what the last one did.
 */
const TABLE = 'newsroom_leases';
export const HOLDER = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

const ensureLeases = (strapi: Core.Strapi) =>
  ensureTable(strapi.db.connection, TABLE, (t) => {
    t.string('name', 100).primary();
    t.string('holder', 200).notNullable();
    t.bigInteger('expires_at').notNullable();
  });

export type LeaseRun<T> = { ran: true; value: T } | { ran: false };

/** Runs `work` if this instance can take the lease `name` (held at most `ttlMs`), else does nothing. */
export async function withLease<T>(
  strapi: Core.Strapi,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
  holder = HOLDER,
): Promise<LeaseRun<T>> {
  const knex = strapi.db.connection;
  await ensureLeases(strapi);
  const now = Date.now();
  await knex(TABLE).insert({ name, holder: '', expires_at: 0 }).onConflict('name').ignore();
  const taken = await knex(TABLE)
    .where('name', name)
    .andWhere('expires_at', '<', now)
    .update({ holder, expires_at: now + ttlMs });
  if (taken !== 1) return { ran: false };
  try {
    return { ran: true, value: await work() };
  } finally {
    await knex(TABLE).where({ name, holder }).update({ expires_at: 0 });
  }
}
