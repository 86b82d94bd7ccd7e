import type { AlertTopic, Locale } from '@newsroom/shared-types';
import { ITEM_TOPIC } from '@newsroom/shared-types';
import { catalog, type Messages } from '../i18n/catalog';
import en from './messages/en.json';
import sq from './messages/sq.json';
import srLatn from './messages/sr-Latn.json';

/** The alerts' mail and pages in every language (a unit test finds a missing key). */
export const MESSAGES: Messages = { sq, 'sr-Latn': srLatn, en };
export const t = catalog(MESSAGES);

/** A topic as the subscriber reads it; an item's topic names the item by its title in their language. */
export function topicLabel(locale: Locale, topic: AlertTopic, itemTitles: Map<string, string> = new Map()): string {
  const item = ITEM_TOPIC.exec(topic);
  if (item) return t(locale, 'topic.item', { title: itemTitles.get(item[1]) ?? item[1] });
  return t(locale, `topic.${topic}`);
}
