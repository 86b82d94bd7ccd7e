import type { Core } from '@strapi/strapi';
import {
  ALERT_FREQUENCIES,
  ALERT_SECTIONS,
  ALERTS_PATHS,
  CONFIRMATION_DAYS,
  DEFAULT_LOCALE,
  INTAKE_PREFIX,
  ITEM_TOPIC,
  isAlertTopic,
  type AlertFrequency,
  type AlertTopic,
  type Locale,
} from '@newsroom/shared-types';
import { loadEnv } from '../env';
import { isLocale } from '../i18n/catalog';
import { LIMITS, overLimit } from '../intake/guard';
import { escapeHtml } from '../mail/templates';
import { answerPage, buttonForm, paragraph } from './page';
import { feedbackHandler } from './feedback';
import { MEDIA_TOPIC } from '../accreditation/media-list';
import {
  choicesOf,
  confirmSubscription,
  describeChoices,
  hashOf,
  itemTitles,
  parseRequest,
  requestSubscription,
  saveChoices,
  subscriberByToken,
  type Choice,
} from './subscriptions';
import { SUBSCRIBERS, type SubscriberRow } from './tables';
import { t, topicLabel } from './texts';

type Ctx = {
  method: string;
  status: number;
  type: string;
  body: unknown;
  query: Record<string, unknown>;
  request: { body?: unknown; ip: string };
  set(field: string, value: string): void;
  accepts(...types: string[]): string | false;
};

const settings = () => {
  const env = loadEnv();
  return { siteUrl: env.SITE_URL, digestTime: env.ALERTS_DIGEST_TIME };
};
const bodyOf = (ctx: Ctx) =>
  (typeof ctx.request.body === 'object' && ctx.request.body !== null ? ctx.request.body : {}) as Record<
    string,
    unknown
  >;
/** A parameter given once, as a string: `?token=a&token=b` and `token[]=` are no token. */
const single = (value: unknown) => (typeof value === 'string' ? value : undefined);
const localeOf = (row: SubscriberRow | null | undefined): Locale =>
  row && isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;

function subscribe(strapi: Core.Strapi) {
  return async (ctx: Ctx) => {
    const body = bodyOf(ctx);
    const locale = isLocale(body.language) ? body.language : DEFAULT_LOCALE;
    const { siteUrl, digestTime } = settings();
    const json = ctx.accepts('html', 'json') === 'json';
    const refuse = (status: number, messages: string[]) => {
      if (json) {
        ctx.status = status;
        ctx.body = { errors: messages };
        return;
      }
      answerPage(ctx, locale, status, t(locale, 'page.errorsTitle'), messages.map(paragraph).join(''), siteUrl);
    };
    const knex = strapi.db.connection;
    const wait = await overLimit(knex, `address:${ctx.request.ip}`, LIMITS.perAddress);
    if (wait) {
      ctx.set('Retry-After', String(wait));
      return refuse(429, [t(locale, 'error.tooMany', { minutes: Math.max(1, Math.ceil(wait / 60)) })]);
    }
    if (typeof body.website === 'string' && body.website !== '') return refuse(400, [t(locale, 'error.notAccepted')]);
    const parsed = parseRequest(body);
    if ('errors' in parsed)
      return refuse(
        400,
        Object.values(parsed.errors).map((key) => t(locale, key)),
      );
    const emailWait = await overLimit(knex, `alerts:${parsed.data.email}`, LIMITS.perEmail);
    if (emailWait) {
      ctx.set('Retry-After', String(emailWait));
      return refuse(429, [t(locale, 'error.tooMany', { minutes: Math.max(1, Math.ceil(emailWait / 60)) })]);
    }
    await requestSubscription(strapi, locale, parsed.data, { siteUrl, digestTime });
    if (json) {
      ctx.status = 202;
      ctx.body = { email: parsed.data.email };
      return;
    }
    answerPage(
      ctx,
      locale,
      200,
      t(locale, 'page.checkTitle'),
      paragraph(t(locale, 'page.checkBody', { email: parsed.data.email, days: CONFIRMATION_DAYS })),
      siteUrl,
    );
  };
}

/** The confirmation link: GET shows a button (mail scanners open links), POST confirms. */
function confirm(strapi: Core.Strapi) {
  return async (ctx: Ctx) => {
    const { siteUrl, digestTime } = settings();
    const token = single(ctx.query.token) ?? single(bodyOf(ctx).token) ?? '';
    const asked = (await strapi.db.connection(SUBSCRIBERS).where('confirm_hash', hashOf(token)).first()) as
      SubscriberRow | undefined;
    const locale = localeOf(asked);
    const expired = () =>
      answerPage(
        ctx,
        locale,
        410,
        t(locale, 'page.confirmTitle'),
        paragraph(t(locale, 'error.link', { days: CONFIRMATION_DAYS })),
        siteUrl,
      );
    if (ctx.method === 'GET') {
      if (!asked || Number(asked.confirm_expires_at) <= Date.now()) return expired();
      return answerPage(
        ctx,
        locale,
        200,
        t(locale, 'page.confirmTitle'),
        buttonForm(ALERTS_PATHS.confirm, t(locale, 'page.confirmButton'), { token }),
        siteUrl,
      );
    }
    const confirmed = await confirmSubscription(strapi, token);
    if (!confirmed) return expired();
    const choices = await choicesOf(strapi, confirmed.id);
    const titles = await itemTitles(
      strapi,
      locale,
      choices.map((c) => c.topic),
    );
    answerPage(
      ctx,
      locale,
      200,
      t(locale, 'page.confirmedTitle'),
      paragraph(
        t(locale, 'page.confirmedBody', {
          email: confirmed.email,
          topics: describeChoices(locale, choices, titles, digestTime).join('; '),
        }),
      ) + manageLink(locale, confirmed),
      siteUrl,
    );
  };
}

const manageLink = (locale: Locale, subscriber: SubscriberRow) =>
  `<p><a href="${escapeHtml(`${ALERTS_PATHS.manage}?token=${subscriber.token}`)}">${escapeHtml(t(locale, 'page.manageLink'))}</a></p>`;

/**
 * One-click unsubscribe (RFC 8058): the mail's List-Unsubscribe address takes a POST with
 * `List-Unsubscribe=One-Click` and no login; opened in a browser, it shows a button first.
 */
function unsubscribe(strapi: Core.Strapi) {
  return async (ctx: Ctx) => {
    const { siteUrl } = settings();
    const subscriber = await subscriberByToken(strapi, single(ctx.query.token) ?? single(bodyOf(ctx).token));
    const locale = localeOf(subscriber);
    if (!subscriber)
      return answerPage(
        ctx,
        locale,
        404,
        t(locale, 'page.unsubscribedTitle'),
        paragraph(t(locale, 'error.link', { days: CONFIRMATION_DAYS })),
        siteUrl,
      );
    if (ctx.method === 'GET')
      return answerPage(
        ctx,
        locale,
        200,
        t(locale, 'page.unsubscribeTitle', { email: subscriber.email }),
        buttonForm(`${ALERTS_PATHS.unsubscribe}?token=${subscriber.token}`, t(locale, 'page.unsubscribeButton'), {
          'List-Unsubscribe': 'One-Click',
        }),
        siteUrl,
      );
    await saveChoices(strapi, subscriber.id, []);
    strapi.log.info(`Alerts: ${subscriber.email} (${subscriber.locale}) unsubscribed`);
    answerPage(
      ctx,
      locale,
      200,
      t(locale, 'page.unsubscribedTitle'),
      paragraph(t(locale, 'page.unsubscribedBody', { email: subscriber.email })),
      siteUrl,
    );
  };
}

/** The manage page: every section and the items followed, as checkboxes, and the frequency. */
function manage(strapi: Core.Strapi) {
  return async (ctx: Ctx) => {
    const { siteUrl, digestTime } = settings();
    const body = bodyOf(ctx);
    const subscriber = await subscriberByToken(strapi, single(ctx.query.token) ?? single(body.token));
    const locale = localeOf(subscriber);
    if (!subscriber)
      return answerPage(
        ctx,
        locale,
        404,
        t(locale, 'page.manageTitle'),
        paragraph(t(locale, 'error.link', { days: CONFIRMATION_DAYS })),
        siteUrl,
      );
    if (ctx.method === 'POST') {
      const topics = [body.topics ?? []].flat().filter(isAlertTopic);
      const frequency: AlertFrequency = (ALERT_FREQUENCIES as readonly unknown[]).includes(body.frequency)
        ? (body.frequency as AlertFrequency)
        : 'immediate';
      // Only what the page offered: the sections, and items already followed. The media list
      // is the accreditation's to change, not this page's.
      const existing = await choicesOf(strapi, subscriber.id);
      const followed = new Set(existing.map((c) => c.topic));
      const allowed = topics.filter((topic) => !ITEM_TOPIC.test(topic) || followed.has(topic));
      await saveChoices(strapi, subscriber.id, [
        ...[...new Set(allowed)].map((topic) => ({ topic, frequency })),
        ...existing.filter((c) => (c.topic as string) === MEDIA_TOPIC),
      ]);
      return answerPage(ctx, locale, 200, t(locale, 'page.savedTitle'), manageLink(locale, subscriber), siteUrl);
    }
    const choices = await choicesOf(strapi, subscriber.id);
    answerPage(
      ctx,
      locale,
      200,
      t(locale, 'page.manageTitle'),
      await manageForm(strapi, locale, subscriber, choices, digestTime),
      siteUrl,
    );
  };
}

async function manageForm(
  strapi: Core.Strapi,
  locale: Locale,
  subscriber: SubscriberRow,
  choices: Choice[],
  digestTime: string,
) {
  const chosen = new Set(choices.map((c) => c.topic));
  const items = choices.map((c) => c.topic).filter((topic) => ITEM_TOPIC.test(topic));
  const titles = await itemTitles(strapi, locale, items);
  const topics: AlertTopic[] = ['all', ...ALERT_SECTIONS, ...items];
  const frequency = choices[0]?.frequency ?? 'immediate';
  const box = (topic: AlertTopic) =>
    `<label><input type="checkbox" name="topics" value="${escapeHtml(topic)}"${chosen.has(topic) ? ' checked' : ''}> ${escapeHtml(topicLabel(locale, topic, titles))}</label><br>`;
  const radio = (f: AlertFrequency) =>
    `<label><input type="radio" name="frequency" value="${f}"${f === frequency ? ' checked' : ''}> ${escapeHtml(t(locale, `frequency.${f}`, { time: digestTime }))}</label><br>`;
  return `${paragraph(t(locale, 'page.manageIntro', { email: subscriber.email }))}<form method="post" action="${escapeHtml(`${ALERTS_PATHS.manage}?token=${subscriber.token}`)}"><fieldset><legend>${escapeHtml(t(locale, 'page.manageTitle'))}</legend>${topics.map(box).join('')}</fieldset><fieldset><legend>${escapeHtml(t(locale, 'page.manageFrequency'))}</legend>${ALERT_FREQUENCIES.map(radio).join('')}</fieldset><button type="submit">${escapeHtml(t(locale, 'page.manageSave'))}</button></form>`;
}

export function registerAlertRoutes(strapi: Core.Strapi) {
  const path = (p: string) => p.slice(INTAKE_PREFIX.length - 1);
  const both = (p: string, handler: (ctx: Ctx) => Promise<void>) =>
    (['GET', 'POST'] as const).map((method) => ({ method, path: path(p), handler, config: { auth: false } }));
  strapi.server.routes({
    type: 'admin',
    prefix: INTAKE_PREFIX.replace(/\/$/, ''),
    routes: [
      { method: 'POST', path: path(ALERTS_PATHS.subscribe), handler: subscribe(strapi), config: { auth: false } },
      ...both(ALERTS_PATHS.confirm, confirm(strapi)),
      ...both(ALERTS_PATHS.unsubscribe, unsubscribe(strapi)),
      ...both(ALERTS_PATHS.manage, manage(strapi)),
    ],
  } as never);
  // Not under the intake: the mail provider calls the CMS directly, never through the public site.
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      {
        method: 'POST',
        path: '/alerts/feedback',
        handler: feedbackHandler(strapi, loadEnv().ALERTS_FEEDBACK_SECRET),
        config: { auth: false },
      },
    ],
  } as never);
}
