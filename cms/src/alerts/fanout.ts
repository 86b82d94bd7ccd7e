import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, wallTimeToInstant, type AlertSection } from '@newsroom/shared-types';
import type { Transaction } from '../cluster/tables';
import { addDays, officeDate } from '../requests/deadlines';
import { MEDIA_TOPIC } from '../accreditation/media-list';
import { CHANGES, DELIVERIES, SUBSCRIBERS, SUBSCRIPTIONS, SUPPRESSED, type ChangeRow } from './tables';

/**
 * The fan-out turns a change into one delivery row per subscriber it concerns, in one
 * INSERT … SELECT: no subscriber is held in memory, and the unique (subscriber, key) pair
 * makes a second run, a crashed run restarted or another instance's run add nothing.
 * The rows and the change's `fanned_out_at` are written in one transaction.
 */
/** The live version's embargo, read where the data is, at the moment of sending: null when it is no longer published. */
async function liveEmbargo(strapi: Core.Strapi, change: ChangeRow): Promise<number | null> {
  const uid = CONTENT_TYPES[change.type as AlertSection].uid;
  const live = (await strapi.db.query(uid).findOne({
    where: { documentId: change.document_id, locale: change.locale, publishedAt: { $notNull: true } },
  })) as { embargoUntil?: string | null } | null;
  if (!live) return null;
  return live.embargoUntil ? new Date(live.embargoUntil).getTime() : 0;
}

/**
 * An alert links the item's page, so it waits until the site's live build started after the
 * item became public; after this long it goes out regardless, and says so in the log (the desk
 * already shows the site as behind).
 */
export const SITE_WAIT_MS = 10 * 60_000;

/** When the site's live build started (epoch ms), or null when the builder cannot say. */
export type SiteLive = () => Promise<number | null>;

/** Fans out the changes whose time has come; returns how many delivery rows were added. */
export async function fanOut(strapi: Core.Strapi, now = Date.now(), limit = 20, siteLive?: SiteLive): Promise<number> {
  const knex = strapi.db.connection;
  const due = (await knex(CHANGES)
    .whereNull('fanned_out_at')
    .andWhere('not_before', '<=', now)
    .orderBy('id')
    .limit(limit)) as ChangeRow[];
  let added = 0;
  let live: Promise<number | null> | undefined;
  const liveBuild = (): Promise<number | null> => {
    live ??= siteLive ? siteLive().catch(() => null) : Promise.resolve(null);
    return live;
  };
  for (const change of due) {
    const embargo = await liveEmbargo(strapi, change);
    if (change.kind === 'embargoed') {
      // Sent ahead only while the embargo holds, and only to the media list.
      await knex.transaction(async (trx: Transaction) => {
        if (embargo !== null && embargo > now) added += await insertDeliveries(trx, change, now, [MEDIA_TOPIC]);
        await trx(CHANGES).where({ id: change.id }).update({ fanned_out_at: now });
      });
      continue;
    }
    if (embargo !== null && embargo > now) {
      // The embargo was moved later since the publish: the change waits for it.
      await knex(CHANGES).where({ id: change.id }).update({ not_before: embargo });
      continue;
    }
    if (embargo !== null && siteLive) {
      const since = Math.max(Number(change.created_at), Number(change.not_before));
      const started = await liveBuild();
      if (started === null || started < since) {
        if (now - since < SITE_WAIT_MS) continue;
        strapi.log.warn(
          `Alerts for "${change.title}" (${change.locale}) go out though the site has not shown it ${SITE_WAIT_MS / 60_000} minutes after it became public`,
        );
      }
    }
    await knex.transaction(async (trx: Transaction) => {
      // An item unpublished before its alert went out is not announced.
      if (embargo !== null) added += await insertDeliveries(trx, change, now, topicsOf(change));
      await trx(CHANGES).where({ id: change.id }).update({ fanned_out_at: now });
    });
  }
  return added;
}

/** Who hears of a change: everything and its section; an item's followers hear of its corrections and withdrawal. */
const topicsOf = (change: ChangeRow) =>
  change.kind === 'published' ? ['all', change.type] : ['all', change.type, `item:${change.document_id}`];

async function insertDeliveries(trx: Transaction, change: ChangeRow, now: number, topics: string[]): Promise<number> {
  const result: unknown = await trx.raw(
    `INSERT INTO ${DELIVERIES} (subscriber_id, key, change_id, state, attempts, next_attempt_at, created_at)
     SELECT s.id, CAST(? AS varchar(40)), CAST(? AS integer), 'pending', 0, CAST(? AS bigint), CAST(? AS bigint)
     FROM ${SUBSCRIBERS} s
     WHERE s.locale = ? AND s.confirmed_at IS NOT NULL
       AND EXISTS (SELECT 1 FROM ${SUBSCRIPTIONS} x
                   WHERE x.subscriber_id = s.id AND x.frequency = 'immediate' AND x.topic IN (${topics.map(() => '?').join(', ')}))
       AND NOT EXISTS (SELECT 1 FROM ${SUPPRESSED} z WHERE z.email = s.email)
     ON CONFLICT (subscriber_id, key) DO NOTHING`,
    [`c${change.id}`, change.id, now, now, change.locale, ...topics],
  );
  return affected(result);
}

/** Rows an INSERT or UPDATE touched, as PostgreSQL (`rowCount`) and better-sqlite3 (`changes`) report it. */
export const affected = (result: unknown): number =>
  Number((result as { rowCount?: number }).rowCount ?? (result as { changes?: number }).changes ?? 0);

/** The office day's digest time as an instant, DST-safe: 08:00 is 08:00 in winter and in summer. */
export const digestInstant = (day: string, time: string) => wallTimeToInstant(`${day}T${time}`);

/** The window a day's digest covers: from the previous digest time to this one. */
export function digestWindow(day: string, time: string): { from: number; to: number } {
  return { from: digestInstant(addDays(day, -1), time).getTime(), to: digestInstant(day, time).getTime() };
}

/**
 * The day of the last digest time that has passed: today's once it has, otherwise
 * yesterday's. A digest the office's server could not queue in its own day (it was down, or
 * its clock jumped) still goes out after midnight, until the next one is due.
 */
export function lastDigestDay(time: string, now: number): string {
  const today = officeDate(new Date(now));
  return now < digestInstant(today, time).getTime() ? addDays(today, -1) : today;
}

/**
 * Once a digest time has passed, one digest row per daily subscriber who has something in its
 * window (however often this runs, and in however many instances).
 */
export async function queueDigests(strapi: Core.Strapi, time: string, now = Date.now()): Promise<number> {
  const day = lastDigestDay(time, now);
  const { from, to } = digestWindow(day, time);
  const knex = strapi.db.connection;
  // A read first (see sender.ts): most ticks find every digest of the day queued.
  const waiting: unknown = await knex(`${SUBSCRIPTIONS} as x`)
    .join(`${SUBSCRIBERS} as s`, 's.id', 'x.subscriber_id')
    .where('x.frequency', 'daily')
    .whereNotNull('s.confirmed_at')
    .whereNotExists(
      (q) =>
        void q.select(1).from(`${DELIVERIES} as d`).whereRaw('d.subscriber_id = s.id').andWhere('d.key', `d${day}`),
    )
    .first('s.id');
  if (!waiting) return 0;
  const result: unknown = await knex.raw(
    `INSERT INTO ${DELIVERIES} (subscriber_id, key, change_id, state, attempts, next_attempt_at, created_at)
     SELECT s.id, CAST(? AS varchar(40)), NULL, 'pending', 0, CAST(? AS bigint), CAST(? AS bigint)
     FROM ${SUBSCRIBERS} s
     WHERE s.confirmed_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ${SUPPRESSED} z WHERE z.email = s.email)
       AND EXISTS (SELECT 1 FROM ${SUBSCRIPTIONS} x JOIN ${CHANGES} c
                     ON c.locale = s.locale AND c.fanned_out_at >= ? AND c.fanned_out_at < ? AND c.kind <> 'embargoed'
                    AND (x.topic = 'all' OR x.topic = c.type OR (c.kind <> 'published' AND x.topic = 'item:' || c.document_id))
                   WHERE x.subscriber_id = s.id AND x.frequency = 'daily')
     ON CONFLICT (subscriber_id, key) DO NOTHING`,
    [`d${day}`, now, now, from, to],
  );
  return affected(result);
}

/** The changes a daily subscriber's digest of `day` lists, oldest first. */
export async function digestChanges(
  knex: Core.Strapi['db']['connection'],
  subscriberId: number,
  locale: string,
  day: string,
  time: string,
): Promise<ChangeRow[]> {
  const { from, to } = digestWindow(day, time);
  return (await knex(CHANGES)
    .where('locale', locale)
    .whereNot('kind', 'embargoed')
    .andWhere('fanned_out_at', '>=', from)
    .andWhere('fanned_out_at', '<', to)
    .whereExists(function () {
      void this.select(1)
        .from(SUBSCRIPTIONS)
        .where(`${SUBSCRIPTIONS}.subscriber_id`, subscriberId)
        .andWhere(`${SUBSCRIPTIONS}.frequency`, 'daily')
        .andWhere((q) => {
          void q
            .where(`${SUBSCRIPTIONS}.topic`, 'all')
            .orWhere(`${SUBSCRIPTIONS}.topic`, knex.ref(`${CHANGES}.type`))
            .orWhere((r) => {
              void r
                .whereNot(`${CHANGES}.kind`, 'published')
                .andWhere(`${SUBSCRIPTIONS}.topic`, knex.raw(`'item:' || ${CHANGES}.document_id`));
            });
        });
    })
    .orderBy('fanned_out_at')
    .orderBy('id')) as ChangeRow[];
}
