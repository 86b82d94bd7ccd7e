import { localeInfo, type Locale, type Media } from '@newsroom/shared-types';
import { previewAssetsPrefix } from './build-session';

/**
 * The public address of an uploaded file: the site's own copy (loaders/media-files.ts), or
 * where public object storage keeps it. Never the CMS, which need not face the internet.
 * `base` (the site's address) makes it absolute, for feeds and open data; a preview's files
 * are served under its own prefix.
 */
export function mediaUrl(media: Pick<Media, 'url' | 'publicUrl'>, base = previewAssetsPrefix()): string {
  if (media.publicUrl) return `${base}${media.publicUrl}`;
  if (/^https?:\/\//.test(media.url)) return media.url;
  throw new Error(
    `The upload ${media.url} has no copy on the site; the loaders copy every upload of the entries they keep.`,
  );
}

export const fileType = (media: Pick<Media, 'ext' | 'mime'>) =>
  (media.ext?.replace('.', '') || media.mime.split('/')[1] || 'file').toUpperCase();

/** Strapi stores sizes in kilobytes. */
export const fileBytes = (media: Pick<Media, 'size'>) => Math.round(media.size * 1024);

export function fileSize(media: Pick<Media, 'size'>, locale: Locale): string {
  const bytes = fileBytes(media);
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(localeInfo(locale).formatLocale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
