import { CONTENT_TYPES, type ContentTypeKey } from './content-types';
import { localeInfo, type Locale } from './locales';

/**
 * E-mail alerts, declared once for the CMS (which sends them) and the site (whose forms
 * subscribe): what one can subscribe to, how often, and where the forms post.
 */

/** Every dated public section can be followed by e-mail: a section added later is followable at once. */
export type AlertSection = {
  [K in ContentTypeKey]: (typeof CONTENT_TYPES)[K] extends { sections: object; dateField: string } ? K : never;
}[ContentTypeKey];

export const ALERT_SECTIONS = (Object.keys(CONTENT_TYPES) as ContentTypeKey[]).filter(
  (k): k is AlertSection => 'sections' in CONTENT_TYPES[k] && 'dateField' in CONTENT_TYPES[k],
);

/**
 * What a subscription is to: everything in one language, one section, or one item's
 * corrections and withdrawal (`item:<documentId>`).
 */
export type AlertTopic = 'all' | AlertSection | `item:${string}`;

export const ITEM_TOPIC = /^item:([a-z0-9]{20,40})$/;

export function isAlertTopic(value: unknown): value is AlertTopic {
  if (typeof value !== 'string') return false;
  return value === 'all' || (ALERT_SECTIONS as readonly string[]).includes(value) || ITEM_TOPIC.test(value);
}

export const ALERT_FREQUENCIES = ['immediate', 'daily'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/**
 * What happened to an item that subscribers are told of. A typo fixed without a change note
 * is none of these. `embargoed` is a release sent ahead to accredited media only.
 */
export type ChangeKind = 'published' | 'corrected' | 'withdrawn' | 'embargoed';

/** The alert endpoints, on the site's own origin under the intake prefix the web server passes to the CMS. */
export const ALERTS_PATHS = {
  subscribe: '/intake/alerts/subscribe',
  confirm: '/intake/alerts/confirm',
  unsubscribe: '/intake/alerts/unsubscribe',
  manage: '/intake/alerts/manage',
} as const;

/** A confirmation link works this long; nothing is sent to an address before it is confirmed. */
export const CONFIRMATION_DAYS = 7;

/** The address of an item's page, as the site builds it. */
export function itemPathOf(type: ContentTypeKey, locale: Locale, slug: string): string {
  const sections = (CONTENT_TYPES[type] as { sections?: Record<Locale, string> }).sections;
  if (!sections) throw new Error(`${type} has no pages`);
  return `/${localeInfo(locale).prefix}/${sections[locale]}/${encodeURIComponent(slug)}/`;
}
