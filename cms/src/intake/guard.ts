import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ensureTable } from '../cluster/tables';

/**
 * What keeps the intake open to people and closed to floods: rate limits per client
 * address and per e-mail, and idempotency keys, both in the database so that every CMS
 * instance sees the same counts and keys.
 */
export const HITS = 'newsroom_intake_hits';
export const KEYS = 'newsroom_intake_keys';

export const LIMITS = {
  perAddress: { max: 10, windowMs: 60_000 },
  perEmail: { max: 5, windowMs: 60 * 60_000 },
} as const;

/** A submission repeated with the same content within this time is the same submission (a double click, a retried POST). */
export const SAME_CONTENT_MS = 24 * 60 * 60_000;

type Knex = Core.Strapi['db']['connection'];

export async function ensureIntakeTables(knex: Knex) {
  await ensureTable(knex, HITS, (t) => {
    t.increments('id');
    t.string('key', 300).notNullable().index();
    t.bigInteger('at').notNullable().index();
  });
  await ensureTable(knex, KEYS, (t) => {
    t.string('key', 200).primary();
    t.string('reference', 40).notNullable();
    t.bigInteger('created_at').notNullable();
  });
}

/** Counts this request against a limit; the seconds to wait when it is over, else null. */
export async function overLimit(
  knex: Knex,
  key: string,
  limit: { max: number; windowMs: number },
  now = Date.now(),
): Promise<number | null> {
  const since = now - limit.windowMs;
  const hits = await knex<{ at: number | string }>(HITS)
    .where('key', key)
    .andWhere('at', '>', since)
    .orderBy('at')
    .select('at');
  if (hits.length >= limit.max)
    return Math.max(1, Math.ceil((Number(hits[hits.length - limit.max].at) + limit.windowMs - now) / 1000));
  await knex(HITS).insert({ key, at: now });
  // Old hits are of no use to any limit.
  await knex(HITS)
    .where('at', '<', now - LIMITS.perEmail.windowMs)
    .del();
  return null;
}

/**
 * The submission's idempotency key: the one the page gave it (a script adds a random one),
 * or else the digest of what was sent, so that without JavaScript a double click still
 * makes one request.
 */
export function idempotencyKey(kind: string, given: unknown, data: Record<string, unknown>): string {
  if (typeof given === 'string' && /^[A-Za-z0-9-]{16,100}$/.test(given)) return `given:${kind}:${given}`;
  const content = JSON.stringify(
    Object.keys(data)
      .sort()
      .map((k) => [k, data[k]]),
  );
  return `content:${kind}:${createHash('sha256').update(content).digest('hex')}`;
}

export async function knownReference(knex: Knex, key: string, now = Date.now()): Promise<string | null> {
  const row = await knex<{ key: string; reference: string; created_at: number | string }>(KEYS)
    .where('key', key)
    .first('reference', 'created_at');
  if (!row) return null;
  if (key.startsWith('content:') && Number(row.created_at) < now - SAME_CONTENT_MS) {
    await knex(KEYS).where('key', key).del();
    return null;
  }
  return row.reference;
}
