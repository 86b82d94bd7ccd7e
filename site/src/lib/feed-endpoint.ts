import rss from '@astrojs/rss';
import type { Locale } from '@newsroom/shared-types';
import { config } from '../config';
import { entries, relatedIds, type Entry } from './content';
import { lastMajorChange } from './entry';
import { formatDate } from './dates';
import { channelData, feedItem, FEED_LIMIT, RSS_NAMESPACES } from './feeds';
import { absolute, feedPath, FEED_TYPES, type PageType } from './routes';
import { t } from './i18n';

/** The RSS response for one locale: one section, or everything with a feed. */
export async function feedResponse(locale: Locale, only?: PageType): Promise<Response> {
  const tr = t(locale);
  const tags = new Map((await entries('tag', locale)).map((tag) => [tag.documentId, tag.name as string]));
  const tagNames = (e: Entry) =>
    relatedIds(e, 'tags')
      .map((id) => tags.get(id))
      .filter((n): n is string => Boolean(n));
  const types = only ? [only] : FEED_TYPES;
  const dated: Array<{ type: PageType; entry: Entry; date: string }> = [];
  for (const type of types) {
    for (const entry of await entries(type, locale)) dated.push({ type, entry, date: lastMajorChange(type, entry) });
  }
  dated.sort((a, b) => b.date.localeCompare(a.date));
  const self = absolute(config.SITE_URL, feedPath(locale, only));
  return rss({
    title: `${tr('site.name')}: ${only ? tr(`section.${only}`) : tr('feeds.everything')}`,
    description: tr('site.description'),
    site: config.SITE_URL,
    xmlns: RSS_NAMESPACES,
    customData: channelData(locale, self),
    items: dated.slice(0, FEED_LIMIT).map(({ type, entry }) =>
      feedItem(type, entry, {
        site: config.SITE_URL,
        tagNames,
        sectionName: tr(`section.${type}`),
        updatedLabel: (date) => tr('item.updated', { date: formatDate(date, locale, config.SITE_TIME_ZONE) }),
      }),
    ),
  });
}
