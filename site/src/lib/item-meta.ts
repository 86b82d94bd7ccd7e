import type { Locale, Media } from '@newsroom/shared-types';
import { config } from '../config';
import { blocksToText } from './blocks';
import { dateOf, lastMajorChange, type Entry } from './entry';
import { mediaUrl } from './media';
import { absolute, type PageType } from './routes';
import { t } from './i18n';

/** The image that stands for an item in previews (OpenGraph, feeds). */
export function leadImage(entry: Entry): { media: Media; alt: string } | null {
  if (entry.leadImage) return { media: entry.leadImage, alt: entry.leadImageAlt || entry.title };
  if (entry.hero) return { media: entry.hero, alt: entry.heroAlt || entry.title };
  if (entry.portrait) return { media: entry.portrait, alt: entry.name };
  const photo = (entry.items as Array<{ __component: string; image?: Media; alt?: string }> | undefined)?.find(
    (i) => i.__component === 'media.photo',
  );
  return photo?.image ? { media: photo.image, alt: photo.alt ?? entry.title } : null;
}

export function describe(entry: Entry): string {
  const text =
    entry.summary || entry.description || entry.tagline || entry.role || blocksToText(entry.body ?? entry.bio);
  return String(text ?? '').slice(0, 300);
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
