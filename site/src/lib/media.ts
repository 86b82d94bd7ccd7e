import { localeInfo, type Locale, type Media } from '@newsroom/shared-types';
import { config } from '../config';

/** The public address of an uploaded file (Strapi gives site-relative `/uploads/...`). */
export const mediaUrl = (media: Pick<Media, 'url'>, base = config.CMS_PUBLIC_URL) => (media.url.startsWith('/') ? `${base}${media.url}` : media.url);

export const fileType = (media: Pick<Media, 'ext' | 'mime'>) => (media.ext?.replace('.', '') || media.mime.split('/')[1] || 'file').toUpperCase();

/** Strapi stores sizes in kilobytes. */
export const fileBytes = (media: Pick<Media, 'size'>) => Math.round(media.size * 1024);

export function fileSize(media: Pick<Media, 'size'>, locale: Locale): string {
  const bytes = fileBytes(media);
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(localeInfo(locale).formatLocale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
