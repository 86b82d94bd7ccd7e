import type { Media } from '@newsroom/shared-types';

/** What the pages read of a media file (lib/media.ts, the image components, feed enclosures). */
const MEDIA_FIELDS = [
  'id',
  'documentId',
  'name',
  'alternativeText',
  'caption',
  'width',
  'height',
  'url',
  'mime',
  'ext',
  'size',
  'hash',
  'publicUrl',
  'sha256',
] as const;

const isMedia = (value: Record<string, unknown>) =>
  typeof value.url === 'string' && typeof value.mime === 'string' && 'formats' in value;

/**
 * An entry as the loader keeps it: every media file in it (lead images, portraits of its
 * people, galleries, attachments) without Strapi's resized formats and provider details,
 * which no page uses. At 10 000 documents they were over half the entries' size, and each
 * build reads all the entries.
 */
export function slim<T>(value: T): T {
  if (Array.isArray(value)) return value.map(slim) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (isMedia(record))
    return {
      ...Object.fromEntries(MEDIA_FIELDS.filter((f) => f in record).map((f) => [f, record[f]])),
      formats: null,
    } as Partial<Media> as T;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, slim(v)])) as T;
}
