import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import {
  ALERT_FREQUENCIES,
  ALERT_SECTIONS,
  ALERTS_PATHS,
  CONFIRMATION_DAYS,
  CONTENT_TYPES,
  ITEM_TOPIC,
  isAlertTopic,
  type AlertFrequency,
  type AlertTopic,
  type Locale,
} from '@newsroom/shared-types';
import type { Transaction } from '../cluster/tables';
import { enqueue } from '../mail/outbox';
import { htmlOf, translate } from '../mail/templates';
import { SUBSCRIBERS, SUBSCRIPTIONS, SUPPRESSED, type SubscriberRow } from './tables';
import { t, topicLabel } from './texts';

/**
 * Subscribing is double opt-in: what an address asks for waits in `pending` until the link
 * mailed to it is opened, and nothing is sent before. Asking again for an address already
 * subscribed is the same: a stranger cannot add alerts to someone else's address.
 */
export interface Choice {
  topic: AlertTopic;
  frequency: AlertFrequency;
}

const DAY_MS = 24 * 60 * 60_000;
const secret = () => randomBytes(32).toString('base64url');
export const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const listOf = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

const schema = z.object({
  email: z
    .string({ error: 'error.email' })
    .trim()
    .toLowerCase()
    .max(254, 'error.email')
    .pipe(z.email({ error: 'error.email' })),
  topics: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform(listOf)
    .pipe(z.array(z.string().refine(isAlertTopic)).min(1, 'error.topics').max(50)),
  frequency: z.enum(ALERT_FREQUENCIES, { error: 'error.frequency' }).default('immediate'),
});

export type SubscriptionRequest = { email: string; topics: AlertTopic[]; frequency: AlertFrequency };

/** The form's fields checked; errors are message keys by field. */
export function parseRequest(
  body: Record<string, unknown>,
): { data: SubscriptionRequest } | { errors: Record<string, string> } {
  const result = schema.safeParse(body);
  if (result.success) {
    const { email, topics, frequency } = result.data;
    return { data: { email: String(email), topics: [...new Set(topics)] as AlertTopic[], frequency } };
  }
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message.startsWith('error.') ? issue.message : `error.${field}`;
  }
  return { errors };
}

/** The titles of followed items in a language, by documentId; an item not published there is left out. */
export async function itemTitles(strapi: Core.Strapi, locale: Locale, topics: readonly string[]) {
  const ids = topics.map((topic) => ITEM_TOPIC.exec(topic)?.[1]).filter((id): id is string => Boolean(id));
  const titles = new Map<string, string>();
  if (ids.length === 0) return titles;
  for (const type of ALERT_SECTIONS) {
    const rows = (await strapi.db.query(CONTENT_TYPES[type].uid).findMany({
      where: { documentId: { $in: ids }, locale, publishedAt: { $notNull: true } },
      select: ['documentId', 'title'],
    })) as Array<{ documentId: string; title: string }>;
    for (const row of rows) titles.set(row.documentId, row.title);
  }
  return titles;
}

export const describeChoices = (locale: Locale, choices: Choice[], titles: Map<string, string>, digestTime: string) =>
  choices.map(
    (c) => `${topicLabel(locale, c.topic, titles)}, ${t(locale, `frequency.${c.frequency}`, { time: digestTime })}`,
  );

/** Stores what was asked for as pending and queues the confirmation mail, in one transaction. */
export async function requestSubscription(
  strapi: Core.Strapi,
  locale: Locale,
  request: SubscriptionRequest,
  options: { siteUrl: string; digestTime: string; now?: number },
): Promise<void> {
  const now = options.now ?? Date.now();
  const titles = await itemTitles(strapi, locale, request.topics);
  const topics = request.topics.filter((topic) => !ITEM_TOPIC.test(topic) || titles.has(topic.slice(5)));
  const confirmToken = secret();
  const knex = strapi.db.connection;
  await knex.transaction(async (trx: Transaction) => {
    const existing = (await trx(SUBSCRIBERS).where({ email: request.email, locale }).first()) as
      SubscriberRow | undefined;
    const earlier = existing?.pending ? (JSON.parse(existing.pending) as Choice[]) : [];
    const pending = [
      ...earlier.filter((c) => !topics.includes(c.topic)),
      ...topics.map((topic) => ({ topic, frequency: request.frequency })),
    ];
    const fields = {
      pending: JSON.stringify(pending),
      confirm_hash: hashOf(confirmToken),
      confirm_expires_at: now + CONFIRMATION_DAYS * DAY_MS,
    };
    if (existing) await trx(SUBSCRIBERS).where({ id: existing.id }).update(fields);
    else await trx(SUBSCRIBERS).insert({ email: request.email, locale, token: secret(), created_at: now, ...fields });
    const link = `${options.siteUrl}${ALERTS_PATHS.confirm}?token=${confirmToken}`;
    const values = {
      topics: describeChoices(locale, pending, titles, options.digestTime)
        .map((line) => `- ${line}`)
        .join('\n'),
      days: String(CONFIRMATION_DAYS),
      link,
    };
    const text = `${t(locale, 'confirm.body', values)}\n\n${translate(locale, 'signature')}`;
    await enqueue(
      strapi,
      [
        {
          key: `alerts:confirm:${hashOf(confirmToken)}`,
          to: request.email,
          subject: t(locale, 'confirm.subject'),
          text,
          html: htmlOf(locale, text),
        },
      ],
      trx,
    );
  });
}

/** Opens a confirmation link: what was pending becomes the subscriber's, and the address is taken off the suppression list. */
export async function confirmSubscription(
  strapi: Core.Strapi,
  confirmToken: string,
  now = Date.now(),
): Promise<SubscriberRow | null> {
  const knex = strapi.db.connection;
  return knex.transaction(async (trx: Transaction) => {
    const row = (await trx(SUBSCRIBERS)
      .where('confirm_hash', hashOf(confirmToken))
      .andWhere('confirm_expires_at', '>', now)
      .first()) as SubscriberRow | undefined;
    if (!row) return null;
    const pending = row.pending ? (JSON.parse(row.pending) as Choice[]) : [];
    for (const c of pending)
      await trx(SUBSCRIPTIONS)
        .insert({ subscriber_id: row.id, topic: c.topic, frequency: c.frequency })
        .onConflict(['subscriber_id', 'topic'])
        .merge(['frequency']);
    await trx(SUBSCRIBERS)
      .where({ id: row.id })
      .update({ confirmed_at: row.confirmed_at ?? now, pending: null, confirm_hash: null, confirm_expires_at: null });
    // Opening the link shows the address takes mail again (and wants it).
    await trx(SUPPRESSED).where({ email: row.email }).del();
    return row;
  });
}

export async function subscriberByToken(strapi: Core.Strapi, token: unknown): Promise<SubscriberRow | null> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return ((await strapi.db.connection(SUBSCRIBERS).where({ token }).first()) as SubscriberRow | undefined) ?? null;
}

export async function choicesOf(strapi: Core.Strapi, subscriberId: number): Promise<Choice[]> {
  return strapi.db
    .connection<Choice & { id: number; subscriber_id: number }>(SUBSCRIPTIONS)
    .where({ subscriber_id: subscriberId })
    .orderBy('id')
    .select('topic', 'frequency');
}

/** Replaces a subscriber's choices (the manage page; the signed link is the proof of the address). */
export async function saveChoices(strapi: Core.Strapi, subscriberId: number, choices: Choice[]) {
  await strapi.db.connection.transaction(async (trx: Transaction) => {
    await trx(SUBSCRIPTIONS).where({ subscriber_id: subscriberId }).del();
    if (choices.length > 0)
      await trx(SUBSCRIPTIONS).insert(choices.map((c) => ({ subscriber_id: subscriberId, ...c })));
    await trx(SUBSCRIBERS).where({ id: subscriberId }).update({ pending: null, confirm_hash: null });
  });
}
