import type { RSSFeedItem } from '@astrojs/rss';
import {
  localeInfo,
  type Blocks,
  type Campaign,
  type Decision,
  type Gallery,
  type GalleryPhoto,
  type Locale,
} from '@newsroom/shared-types';
import { blocksToText, escapeHtml, renderBlocks } from './blocks';
import { field, latestChange, lastMajorChange, type Entry } from './entry';
import { leadImage, describe } from './item-meta';
import { fileBytes, mediaUrl } from './media';
import { absolute, itemPath, type PageType } from './routes';
import { recordFile, SIGNED_TYPES } from './publication-record';
import { signaturePath } from '@newsroom/shared-types';

export const RSS_NAMESPACES = { atom: 'http://www.w3.org/2005/Atom' };
export const FEED_LIMIT = 50;

/**
 * A guid that stays the same when the title or slug changes, and differs per language.
 * A correction (a change note) is news again: it gets a guid of its own, so readers show it.
 */
export const feedGuid = (type: PageType, entry: Pick<Entry, 'documentId' | 'locale'>, changedOn?: string) =>
  `urn:newsroom:${type}:${entry.documentId}:${entry.locale}${changedOn ? `:updated:${changedOn}` : ''}`;

export interface FeedContext {
  site: string;
  /** Names of the entry's tags in this locale. */
  tagNames: (entry: Entry) => string[];
  sectionName: string;
  /** "Updated 30 November 2026:" in the feed's language. */
  updatedLabel: (date: string) => string;
}

/** Full text for `content:encoded`: the body, or what stands for it in types without one. */
function fullText(type: PageType, entry: Entry, ctx: FeedContext): string {
  const summary = entry.summary
    ? renderBlocks([{ type: 'paragraph', children: [{ type: 'text', text: entry.summary }] }])
    : '';
  if (type === 'decision') {
    const docs = ((entry as unknown as Decision).documents ?? [])
      .map((d) => `<li><a href="${escapeHtml(mediaUrl(d, ctx.site))}">${escapeHtml(d.name)}</a></li>`)
      .join('');
    return `${summary}${docs ? `<ul>${docs}</ul>` : ''}`;
  }
  if (type === 'gallery') {
    const gallery = entry as unknown as Gallery;
    const photos = (gallery.items ?? [])
      .filter((i): i is GalleryPhoto => i.__component === 'media.photo')
      .map(
        (i) =>
          `<figure><img src="${escapeHtml(mediaUrl(i.image, ctx.site))}" alt="${escapeHtml(i.alt)}"><figcaption>${escapeHtml(i.caption ?? '')}</figcaption></figure>`,
      );
    return `<p>${escapeHtml(gallery.description ?? '')}</p>${photos.join('')}`;
  }
  if (type === 'campaign') {
    const campaign = entry as unknown as Campaign;
    const parts = (campaign.body ?? []).map((block) => {
      if (block.__component === 'blocks.text') return renderBlocks(block.body, { mediaBase: ctx.site });
      if (block.__component === 'blocks.call-to-action')
        return `<p><a href="${escapeHtml(block.url ?? '')}">${escapeHtml(block.label ?? '')}</a></p>`;
      return '';
    });
    return `${campaign.tagline ? `<p>${escapeHtml(campaign.tagline)}</p>` : ''}${parts.join('')}`;
  }
  const body = field<Blocks>(entry, 'body');
  return Array.isArray(body) ? renderBlocks(body, { mediaBase: ctx.site }) : summary;
}

export function feedItem(type: PageType, entry: Entry, ctx: FeedContext): RSSFeedItem {
  const lead = leadImage(entry);
  const date = lastMajorChange(type, entry);
  const change = latestChange(entry);
  const updated = change && change.date === date ? change : undefined;
  const description =
    describe(entry) || blocksToText(field<Blocks>(entry, 'body')).slice(0, 300) || String(entry.title);
  const note = updated ? `${ctx.updatedLabel(updated.date)} ${updated.text}` : '';
  return {
    title: String(entry.title),
    link: absolute(ctx.site, itemPath(type, entry.locale, entry.slug)),
    pubDate: new Date(date),
    description: note ? `${note} — ${description}` : description,
    content: `${note ? `<p><strong>${escapeHtml(note)}</strong></p>` : ''}${fullText(type, entry, ctx)}`,
    categories: [ctx.sectionName, ...ctx.tagNames(entry)],
    customData: `<guid isPermaLink="false">${feedGuid(type, entry, updated?.date)}</guid>${signatureLink(type, entry, ctx.site)}`,
    ...(lead
      ? { enclosure: { url: mediaUrl(lead.media, ctx.site), length: fileBytes(lead.media), type: lead.media.mime } }
      : {}),
  };
}

/** Where a reader's tools find the signature of the version the item shows (see /.well-known/newsroom-keys.json). */
function signatureLink(type: PageType, entry: Entry, site: string): string {
  if (!SIGNED_TYPES.includes(type)) return '';
  const href = absolute(site, signaturePath(recordFile(type, entry.locale, entry).sha256));
  return `<atom:link rel="signature" type="application/json" href="${escapeHtml(href)}"/>`;
}

/** `<language>` and the `atom:link rel="self"` every channel carries. */
export const channelData = (locale: Locale, selfUrl: string) =>
  `<language>${localeInfo(locale).feedLanguage}</language><atom:link href="${selfUrl}" rel="self" type="application/rss+xml"/>`;
