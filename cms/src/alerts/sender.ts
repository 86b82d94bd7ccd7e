import type { Core } from '@strapi/strapi';
import { ALERTS_PATHS, isLocale, DEFAULT_LOCALE, OFFICE_TIME_ZONE, type Locale } from '@newsroom/shared-types';
import { HOLDER } from '../cluster/lease';
import { backoff, CLAIM_MS, MAX_ATTEMPTS } from '../mail/outbox';
import { htmlOf, formatDate, translate } from '../mail/templates';
import { isPermanent, workerOf, type Worker } from '../mail/worker';
import { digestChanges } from './fanout';
import { CHANGES, DELIVERIES, SUBSCRIBERS, SUPPRESSED, type ChangeRow, type SubscriberRow } from './tables';
import { t } from './texts';

/**
 * Sending alerts: a batch of due deliveries is claimed in one statement (on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so instances never claim the same row), sent at once over the
 * pooled SMTP connections, and marked. A claim expires: a row whose sender died is sent by
 * the next one. A permanent refusal suppresses the address on every list.
 */
interface Claimed {
  id: number;
  subscriber_id: number;
  key: string;
  change_id: number | null;
  attempts: number;
}

export interface AlertSettings {
  siteUrl: string;
  digestTime: string;
}

type Outcome = 'sent' | 'retry' | 'failed' | 'suppressed';

async function claim(strapi: Core.Strapi, now: number, limit: number, holder: string): Promise<Claimed[]> {
  // A read first: on SQLite a write statement takes the database's write lock even when it
  // changes nothing, and every instance ticks every few seconds.
  const due: unknown = await strapi.db
    .connection(DELIVERIES)
    .where('state', 'pending')
    .andWhere('next_attempt_at', '<=', now)
    .andWhere((q) => void q.whereNull('claimed_until').orWhere('claimed_until', '<', now))
    .first('id');
  if (!due) return [];
  const postgres = (strapi.db as unknown as { dialect: { client: string } }).dialect.client === 'postgres';
  const result: unknown = await strapi.db.connection.raw(
    `UPDATE ${DELIVERIES} SET claimed_by = ?, claimed_until = ?
     WHERE id IN (SELECT id FROM ${DELIVERIES}
                  WHERE state = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                  ORDER BY id LIMIT ? ${postgres ? 'FOR UPDATE SKIP LOCKED' : ''})
     RETURNING id, subscriber_id, key, change_id, attempts`,
    [holder, now + CLAIM_MS, now, now, limit],
  );
  return (postgres ? (result as { rows: Claimed[] }).rows : (result as Claimed[])).map((r) => ({
    ...r,
    id: Number(r.id),
    subscriber_id: Number(r.subscriber_id),
    change_id: r.change_id === null ? null : Number(r.change_id),
  }));
}

const link = (settings: AlertSettings, path: string) => `${settings.siteUrl}${path}`;

/** "10:00" and "1 December 2026", office time, in the reader's language. */
const embargoTime = (locale: Locale, at: number) => ({
  time: new Intl.DateTimeFormat('en-GB', {
    timeZone: OFFICE_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at),
  date: formatDate(locale, new Date(at)),
});

function footer(locale: Locale, subscriber: SubscriberRow, settings: AlertSettings, why: string) {
  const token = encodeURIComponent(subscriber.token);
  return [
    why,
    t(locale, 'alert.manage', { link: link(settings, `${ALERTS_PATHS.manage}?token=${token}`) }),
    t(locale, 'alert.unsubscribe', { link: link(settings, `${ALERTS_PATHS.unsubscribe}?token=${token}`) }),
  ].join('\n');
}

function changeText(locale: Locale, change: ChangeRow, settings: AlertSettings) {
  const note = change.kind === 'published' ? [] : [t(locale, `alert.${change.kind}Intro`, { note: change.note ?? '' })];
  return [...note, change.summary, t(locale, 'alert.read', { link: link(settings, change.path) })]
    .filter(Boolean)
    .join('\n\n');
}

/** The message of one delivery: one change, or a day's digest. Null when there is nothing to say (the digest's items are gone). */
export async function compose(
  strapi: Core.Strapi,
  delivery: Claimed,
  subscriber: SubscriberRow,
  change: ChangeRow | undefined,
  settings: AlertSettings,
) {
  const locale: Locale = isLocale(subscriber.locale) ? subscriber.locale : DEFAULT_LOCALE;
  let subject: string;
  let body: string;
  let why = t(locale, 'alert.why');
  if (change?.kind === 'embargoed') {
    const when = embargoTime(locale, Number(change.embargo_until));
    subject = t(locale, 'alert.embargoed', { ...when, title: change.title });
    body = [
      t(locale, 'alert.embargoedTop', when),
      change.title,
      change.summary,
      change.body ?? '',
      t(locale, 'alert.embargoedLink', { link: link(settings, change.path) }),
    ]
      .filter(Boolean)
      .join('\n\n');
    why = t(locale, 'alert.embargoedWhy');
  } else if (change) {
    subject = t(locale, `alert.${change.kind}`, { title: change.title });
    body = `${change.title}\n\n${changeText(locale, change, settings)}`;
  } else {
    const day = delivery.key.slice(1);
    const changes = await digestChanges(
      strapi.db.connection,
      subscriber.id,
      subscriber.locale,
      day,
      settings.digestTime,
    );
    if (changes.length === 0) return null;
    subject = t(locale, 'digest.subject', {
      date: formatDate(locale, new Date(`${day}T12:00:00Z`)),
      count: changes.length,
    });
    body = [
      t(locale, 'digest.intro'),
      ...changes.map((c) => `${t(locale, `alert.${c.kind}`, { title: c.title })}\n${changeText(locale, c, settings)}`),
    ].join('\n\n');
  }
  const text = `${body}\n\n${footer(locale, subscriber, settings, why)}\n\n${translate(locale, 'signature')}`;
  const unsubscribe = link(settings, `${ALERTS_PATHS.unsubscribe}?token=${encodeURIComponent(subscriber.token)}`);
  return {
    to: subscriber.email,
    subject,
    text,
    html: htmlOf(locale, text),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    messageId: `<alert-${delivery.id}-${delivery.key}@newsroom>`,
  };
}

async function failed(
  strapi: Core.Strapi,
  row: Claimed,
  email: string,
  error: Error & { responseCode?: number; response?: string },
  now: number,
): Promise<Outcome> {
  const knex = strapi.db.connection;
  const reason = (error.response ?? error.message).slice(0, 500);
  const attempts = row.attempts + 1;
  const permanent = isPermanent(error);
  const state = permanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  await knex(DELIVERIES)
    .where({ id: row.id })
    .update({
      state,
      attempts,
      next_attempt_at: now + backoff(attempts),
      last_error: reason,
      claimed_by: null,
      claimed_until: null,
    });
  if (permanent) await suppress(strapi, email, reason, now);
  const message = `Alert to ${email} ${state === 'failed' ? 'given up' : 'will be tried again'}: ${reason}`;
  if (state === 'failed') strapi.log.error(message);
  else strapi.log.warn(message);
  return state === 'failed' ? 'failed' : 'retry';
}

/** An address that bounced or complained gets nothing on any list until it confirms a subscription again. */
export async function suppress(strapi: Core.Strapi, email: string, reason: string, now = Date.now()) {
  await strapi.db
    .connection(SUPPRESSED)
    .insert({ email: email.toLowerCase(), reason: reason.slice(0, 500), at: now })
    .onConflict('email')
    .merge(['reason', 'at']);
}

async function sendBatch(strapi: Core.Strapi, worker: Worker, rows: Claimed[], settings: AlertSettings) {
  const knex = strapi.db.connection;
  const subscribers = new Map(
    ((await knex(SUBSCRIBERS).whereIn('id', [...new Set(rows.map((r) => r.subscriber_id))])) as SubscriberRow[]).map(
      (s) => [s.id, s],
    ),
  );
  const changeIds = [...new Set(rows.map((r) => r.change_id).filter((id): id is number => id !== null))];
  const changes = new Map(
    ((await knex(CHANGES).whereIn('id', changeIds)) as ChangeRow[]).map((c) => [Number(c.id), c]),
  );
  const suppressed = new Set(
    (
      (await knex(SUPPRESSED).whereIn(
        'email',
        [...subscribers.values()].map((s) => s.email),
      )) as Array<{ email: string }>
    ).map((s) => s.email),
  );
  const sent: number[] = [];
  const skipped: number[] = [];
  const outcomes = await Promise.all(
    rows.map(async (row): Promise<Outcome> => {
      const subscriber = subscribers.get(row.subscriber_id);
      if (!subscriber || suppressed.has(subscriber.email)) {
        skipped.push(row.id);
        return 'suppressed';
      }
      const mail = await compose(
        strapi,
        row,
        subscriber,
        row.change_id === null ? undefined : changes.get(row.change_id),
        settings,
      );
      if (!mail) {
        skipped.push(row.id);
        return 'suppressed';
      }
      try {
        await worker.transport.sendMail({ from: worker.from, ...mail });
        sent.push(row.id);
        return 'sent';
      } catch (error) {
        return failed(strapi, row, subscriber.email, error as Error, Date.now());
      }
    }),
  );
  const done = Date.now();
  if (sent.length > 0)
    await knex(DELIVERIES)
      .whereIn('id', sent)
      .update({ state: 'sent', sent_at: done, claimed_by: null, claimed_until: null });
  if (skipped.length > 0)
    await knex(DELIVERIES).whereIn('id', skipped).update({ state: 'skipped', claimed_by: null, claimed_until: null });
  return outcomes;
}

/**
 * Sends what is due until nothing is left or `limit` messages were tried: `lanes` loops
 * side by side, each claiming a batch, sending it over the pool and marking it before its
 * next claim, so the pool always has the next batch while one is being marked.
 */
export async function sendAlerts(
  strapi: Core.Strapi,
  settings: AlertSettings,
  options: { now?: number; limit?: number; batch?: number; lanes?: number; holder?: string } = {},
): Promise<Outcome[]> {
  const worker = workerOf(strapi);
  if (!worker) return [];
  const outcomes: Outcome[] = [];
  const limit = options.limit ?? Infinity;
  const lane = async () => {
    while (!worker.stopping && outcomes.length < limit) {
      const now = options.now ?? Date.now();
      const rows = await claim(
        strapi,
        now,
        Math.min(options.batch ?? 100, limit - outcomes.length),
        options.holder ?? HOLDER,
      );
      if (rows.length === 0) break;
      if (worker.stopping) {
        // Stopped while claiming: the rows go back at once rather than when the claim expires.
        await strapi.db
          .connection(DELIVERIES)
          .whereIn(
            'id',
            rows.map((r) => r.id),
          )
          .update({ claimed_by: null, claimed_until: null });
        break;
      }
      const batch = sendBatch(strapi, worker, rows, settings);
      worker.inFlight.add(batch);
      try {
        outcomes.push(...(await batch));
      } finally {
        worker.inFlight.delete(batch);
      }
    }
  };
  await Promise.all(Array.from({ length: options.lanes ?? 2 }, lane));
  return outcomes;
}
