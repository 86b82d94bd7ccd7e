import type { Blocks, Locale, Media } from '@newsroom/shared-types';
import { config } from '../config';
import { blocksToText } from './blocks';
import { dateOf, field, lastMajorChange, type Entry } from './entry';
import { mediaUrl } from './media';
import { absolute, type PageType } from './routes';
import { t } from './i18n';

/** The image that stands for an item in previews (OpenGraph, feeds). */
export function leadImage(entry: Entry): { media: Media; alt: string } | null {
  const title = entry.title ?? entry.name ?? '';
  const lead = field<Media>(entry, 'leadImage');
  if (lead) return { media: lead, alt: field<string>(entry, 'leadImageAlt') || title };
  const hero = field<Media>(entry, 'hero');
  if (hero) return { media: hero, alt: field<string>(entry, 'heroAlt') || title };
  const portrait = field<Media>(entry, 'portrait');
  if (portrait) return { media: portrait, alt: title };
  const photo = field<Array<{ __component: string; image?: Media; alt?: string }>>(entry, 'items')?.find(
    (i) => i.__component === 'media.photo',
  );
  return photo?.image ? { media: photo.image, alt: photo.alt ?? title } : null;
}

export function describe(entry: Entry): string {
  const text =
    entry.summary ||
    field<string>(entry, 'description') ||
    field<string>(entry, 'tagline') ||
    field<string>(entry, 'role') ||
    blocksToText(field<Blocks>(entry, 'body') ?? field<Blocks>(entry, 'bio'));
  return text.slice(0, 300);
}

/** Title, description, preview image and JSON-LD of an item page. */
export function itemMeta(type: PageType, entry: Entry, locale: Locale, path: string) {
  const title = String(entry.title ?? entry.name);
  const lead = leadImage(entry);
  const image = lead
    ? { url: mediaUrl(lead.media), alt: lead.alt, width: lead.media.width, height: lead.media.height }
    : undefined;
  const date = dateOf(type, entry);
  const isArticle = ['release', 'speech', 'statement', 'decision'].includes(type);
  const jsonLd = isArticle
    ? [
        {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: title,
          inLanguage: locale,
          datePublished: date ?? entry.firstPublishedAt ?? entry.publishedAt,
          // The last major change (a change note), not the last typo fix.
          dateModified: lastMajorChange(type, entry),
          url: absolute(config.SITE_URL, path),
          ...(image ? { image: [image.url] } : {}),
          publisher: { '@type': 'GovernmentOrganization', name: t(locale)('site.name') },
        },
      ]
    : [];
  return { title, description: describe(entry), image, jsonLd };
}
