import type { Core } from '@strapi/strapi';
import { HOLDER } from '../cluster/lease';
import { ensureTable, type Transaction } from '../cluster/tables';

/**
 * Mail goes through an outbox table: a message is a row written in the same transaction as
 * what it is about, then sent by the worker (worker.ts). An SMTP outage delays mail and
 * loses none; a row is claimed by one instance at a time, so several CMS instances share
 * the work without sending a message twice.
 */
export const OUTBOX = 'newsroom_mail_outbox';

export interface OutgoingMail {
  /** One message per key: enqueueing it again does nothing (a retried request, a double click). */
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface OutboxRow extends OutgoingMail {
  id: number;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export function ensureOutbox(strapi: Core.Strapi): Promise<void> {
  return ensureTable(strapi.db.connection, OUTBOX, (t) => {
    t.increments('id');
    t.string('key', 200).notNullable().unique();
    t.string('to', 320).notNullable();
    t.string('subject', 300).notNullable();
    t.text('text').notNullable();
    t.text('html').notNullable();
    t.string('state', 10).notNullable().defaultTo('pending').index();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('next_attempt_at').notNullable();
    t.string('claimed_by', 200);
    t.bigInteger('claimed_until');
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('sent_at');
  });
}

/**
 * Adds messages to the outbox, inside `trx` when given (the transaction that made what they
 * are about). The table is made at bootstrap (ensureOutbox): asking for it here would need a
 * second connection while the transaction holds SQLite's only one.
 */
export async function enqueue(strapi: Core.Strapi, mails: OutgoingMail[], trx?: Transaction): Promise<void> {
  if (mails.length === 0) return;
  const now = Date.now();
  const query = strapi.db.connection(OUTBOX);
  if (trx) query.transacting(trx);
  await query
    .insert(mails.map((m) => ({ ...m, state: 'pending', attempts: 0, next_attempt_at: now, created_at: now })))
    .onConflict('key')
    .ignore();
}

/** How long a claimed message is this instance's to send before another may try. */
export const CLAIM_MS = 2 * 60_000;

/** Claims up to `limit` messages that are due, one conditional update each, so no two instances get the same one. */
export async function claim(strapi: Core.Strapi, now: number, limit = 20, holder = HOLDER): Promise<OutboxRow[]> {
  await ensureOutbox(strapi);
  const knex = strapi.db.connection;
  const due = await knex<{ id: number; state: string; next_attempt_at: number; claimed_until: number | null }>(OUTBOX)
    .where('state', 'pending')
    .andWhere('next_attempt_at', '<=', now)
    .andWhere((q) => void q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
    .orderBy('id')
    .limit(limit)
    .select('id');
  const claimed: OutboxRow[] = [];
  for (const { id } of due) {
    const taken = await knex(OUTBOX)
      .where({ id, state: 'pending' })
      .andWhere((q) => void q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
      .update({ claimed_by: holder, claimed_until: now + CLAIM_MS });
    if (taken === 1) claimed.push((await knex(OUTBOX).where({ id }).first()) as OutboxRow);
  }
  return claimed.map((row) => ({
    ...row,
    next_attempt_at: Number(row.next_attempt_at),
    created_at: Number(row.created_at),
  }));
}

export async function markSent(strapi: Core.Strapi, id: number, now: number) {
  await strapi.db
    .connection(OUTBOX)
    .where({ id })
    .update({ state: 'sent', sent_at: now, claimed_by: null, claimed_until: null, last_error: null });
}

/** After this many attempts (about a day with the backoff below) a message is given up and shown on the desk. */
export const MAX_ATTEMPTS = 12;
export const backoff = (attempts: number) => Math.min(60 * 60_000, 15_000 * 2 ** (attempts - 1));

/** A failed attempt: tried again later, or given up when the server said the address is wrong (5xx) or after MAX_ATTEMPTS. */
export async function markFailed(
  strapi: Core.Strapi,
  row: OutboxRow,
  error: string,
  permanent: boolean,
  now: number,
): Promise<'retry' | 'failed'> {
  const attempts = row.attempts + 1;
  const state = permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  await strapi.db
    .connection(OUTBOX)
    .where({ id: row.id })
    .update({
      state,
      attempts,
      next_attempt_at: now + backoff(attempts),
      last_error: error.slice(0, 1000),
      claimed_by: null,
      claimed_until: null,
    });
  return state === 'failed' ? 'failed' : 'retry';
}

/** What the desk shows: messages waiting, and the ones given up. */
export async function outboxReport(strapi: Core.Strapi) {
  await ensureOutbox(strapi);
  const knex = strapi.db.connection;
  const [{ n: pending }] = await knex(OUTBOX)
    .where('state', 'pending')
    .count<Array<{ n: number | string }>>({ n: '*' });
  const failed = await knex<OutboxRow>(OUTBOX)
    .where('state', 'failed')
    .orderBy('id', 'desc')
    .limit(20)
    .select('id', 'to', 'subject', 'attempts', 'last_error', 'created_at');
  const oldest = await knex<OutboxRow>(OUTBOX).where('state', 'pending').orderBy('created_at').first('created_at');
  return {
    pending: Number(pending),
    oldestPendingAt: oldest ? new Date(Number(oldest.created_at)).toISOString() : null,
    failed: failed.map((f) => ({ ...f, created_at: Number(f.created_at) })),
  };
}
