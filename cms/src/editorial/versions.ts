import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, DEFAULT_LOCALE, LOCALE_CODES, type ContentTypeKey } from '@newsroom/shared-types';

/** The shared-types key of a uid (`api::release.release` → `release`). */
export function typeKeyOf(uid: string): ContentTypeKey | undefined {
  return (Object.keys(CONTENT_TYPES) as ContentTypeKey[]).find((k) => CONTENT_TYPES[k].uid === uid);
}

/** The locales a document-service call acts on: one, several, or all (`*`). */
export function localesOf(locale: unknown): string[] {
  if (locale === '*') return [...LOCALE_CODES];
  if (Array.isArray(locale)) return locale.map(String);
  return [typeof locale === 'string' ? locale : DEFAULT_LOCALE];
}

export interface VersionRow {
  id: number;
  documentId: string;
  locale: string;
  slug?: string | null;
  publishedAt: string | null;
  updatedAt: string;
  firstPublishedAt?: string | null;
  changeNotes?: Array<{ date: string; text: string }>;
  [field: string]: unknown;
}

/** The draft and published rows of a document in some locales, read without the document service. */
export function versions(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locales: string[],
  populate?: Record<string, true>,
) {
  return strapi.db
    .query(uid)
    .findMany({ where: { documentId, locale: { $in: locales } }, ...(populate ? { populate } : {}) }) as Promise<
    VersionRow[]
  >;
}
