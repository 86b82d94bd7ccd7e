import type { Core } from '@strapi/strapi';
import { refuse } from '../editorial/problems';
import { CONTENT_TYPES, DEFAULT_LOCALE, slugify, uniqueSlug } from '@newsroom/shared-types';

/** uid → the field its slug is made from, from the one declaration in shared-types. */
const SLUG_SOURCES = new Map<string, string>(
  Object.values(CONTENT_TYPES).flatMap((t) => ('slugFrom' in t ? [[t.uid, t.slugFrom] as [string, string]] : [])),
);

interface WriteParams {
  documentId?: string;
  locale?: string;
  data?: Record<string, unknown>;
}

type VersionRow = { slug: string | null; publishedAt: string | null };

/**
 * Strapi's document service does not fill `uid` fields. Every create (and every new
 * translation, which arrives as an update in a new locale) gets a slug from its title,
 * unique per type and locale. Once a locale is published its slug is its public URL and
 * cannot change.
 */
export function slugMiddleware(strapi: Core.Strapi) {
  return async (context: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    const source = SLUG_SOURCES.get(context.uid);
    if (source && (context.action === 'create' || context.action === 'update')) {
      await assignSlug(strapi, context.uid, source, context.params);
    }
    return next();
  };
}

async function assignSlug(strapi: Core.Strapi, uid: string, source: string, params: WriteParams) {
  const data = params.data ?? {};
  const locale = params.locale ?? DEFAULT_LOCALE;
  const versions: VersionRow[] = params.documentId
    ? ((await strapi.db.query(uid).findMany({
        where: { documentId: params.documentId, locale },
        select: ['slug', 'publishedAt'],
      })) as VersionRow[])
    : [];
  const published = versions.find((v) => v.publishedAt);
  const current = published?.slug ?? versions.find((v) => v.slug)?.slug ?? null;
  const requested = typeof data.slug === 'string' && data.slug.trim() !== '' ? slugify(data.slug) : null;

  if (published?.slug) {
    if (requested && requested !== published.slug) {
      throw refuse('slugOfPublished', { slug: published.slug, asked: requested });
    }
    data.slug = published.slug;
  } else if (requested) {
    data.slug = await freeSlug(strapi, uid, locale, params.documentId, requested);
  } else if (current) {
    data.slug = current;
  } else {
    const text = typeof data[source] === 'string' ? data[source] : '';
    data.slug = await freeSlug(strapi, uid, locale, params.documentId, slugify(text));
  }
  params.data = data;
}

function freeSlug(strapi: Core.Strapi, uid: string, locale: string, documentId: string | undefined, base: string) {
  return uniqueSlug(base, async (candidate) => {
    const where: Record<string, unknown> = { slug: candidate, locale };
    if (documentId) where.documentId = { $ne: documentId };
    return (await strapi.db.query(uid).count({ where })) > 0;
  });
}
