import type { Core } from '@strapi/strapi';
import type { ChangeKind } from '@newsroom/shared-types';
import { ensureTable } from '../cluster/tables';

/**
 * Alerts live in tables of their own beside Strapi's, made on first use (cluster/tables.ts):
 * a publish fans out to thousands of rows in one statement, which the document service
 * could not do.
 *
 * - A subscriber is an address in one language, with a secret token for its links.
 * - A subscription is a subscriber's topic (`all`, a section, `item:<documentId>`) and
 *   frequency. Nothing is sent before the subscriber confirms.
 * - A change is one item version and locale the public is told of, once (`key` is unique).
 * - A delivery is one message to one subscriber: a change, or a day's digest. The unique
 *   (subscriber, key) pair is what makes a second fan-out or a restarted one send nothing twice.
 * - A suppressed address gets nothing on any list (a hard bounce, a complaint).
 */
export const SUBSCRIBERS = 'newsroom_alert_subscribers';
export const SUBSCRIPTIONS = 'newsroom_alert_subscriptions';
export const CHANGES = 'newsroom_alert_changes';
export const DELIVERIES = 'newsroom_alert_deliveries';
export const SUPPRESSED = 'newsroom_alert_suppressed';

export interface SubscriberRow {
  id: number;
  email: string;
  locale: string;
  token: string;
  pending: string | null;
  confirm_hash: string | null;
  confirm_expires_at: number | null;
  confirmed_at: number | null;
  created_at: number;
}

export interface ChangeRow {
  id: number;
  key: string;
  kind: ChangeKind;
  type: string;
  document_id: string;
  locale: string;
  title: string;
  summary: string;
  path: string;
  note: string | null;
  body: string | null;
  embargo_until: number | null;
  not_before: number;
  created_at: number;
  fanned_out_at: number | null;
}

export async function ensureAlertTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  await ensureTable(knex, SUBSCRIBERS, (t) => {
    t.increments('id');
    t.string('email', 320).notNullable();
    t.string('locale', 10).notNullable();
    t.string('token', 64).notNullable().unique();
    /** What the subscriber asked for and has not confirmed yet: JSON `[{ topic, frequency }]`. */
    t.text('pending');
    t.string('confirm_hash', 64);
    t.bigInteger('confirm_expires_at');
    t.bigInteger('confirmed_at');
    t.bigInteger('created_at').notNullable();
    t.unique(['email', 'locale']);
  });
  await ensureTable(knex, SUBSCRIPTIONS, (t) => {
    t.increments('id');
    t.integer('subscriber_id').notNullable().references('id').inTable(SUBSCRIBERS).onDelete('CASCADE');
    t.string('topic', 60).notNullable();
    t.string('frequency', 10).notNullable();
    t.unique(['subscriber_id', 'topic']);
    t.index(['topic']);
  });
  await ensureTable(knex, CHANGES, (t) => {
    t.increments('id');
    t.string('key', 200).notNullable().unique();
    t.string('kind', 12).notNullable();
    t.string('type', 40).notNullable();
    t.string('document_id', 40).notNullable();
    t.string('locale', 10).notNullable();
    t.string('title', 500).notNullable();
    t.text('summary').notNullable();
    t.string('path', 400).notNullable();
    t.text('note');
    /** The whole text, kept only for a release sent ahead to accredited media. */
    t.text('body');
    /** The embargo a release sent ahead is under. */
    t.bigInteger('embargo_until');
    t.bigInteger('not_before').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('fanned_out_at');
    t.index(['fanned_out_at', 'not_before']);
  });
  await ensureTable(knex, DELIVERIES, (t) => {
    t.increments('id');
    t.integer('subscriber_id').notNullable().references('id').inTable(SUBSCRIBERS).onDelete('CASCADE');
    /** `c<change id>` for one change, `d<YYYY-MM-DD>` for a day's digest. */
    t.string('key', 40).notNullable();
    t.integer('change_id');
    t.string('state', 10).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('next_attempt_at').notNullable();
    t.string('claimed_by', 200);
    t.bigInteger('claimed_until');
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('sent_at');
    t.unique(['subscriber_id', 'key']);
    t.index(['state', 'next_attempt_at']);
  });
  await ensureTable(knex, SUPPRESSED, (t) => {
    t.string('email', 320).primary();
    t.string('reason', 500).notNullable();
    t.bigInteger('at').notNullable();
  });
}
