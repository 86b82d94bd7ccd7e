import type { Loader } from 'astro/loaders';
import { CONTENT_TYPES, LOCALE_CODES, type ContentTypeKey, type Locale } from '@newsroom/shared-types';
import { getAll } from './cms-client';
import { recordStats } from './stats';

interface Listed {
  documentId: string;
  updatedAt: string;
  embargoUntil?: string | null;
}

/** Bodies are fetched by documentId in batches this size (kept well under URL limits). */
const BATCH = 40;

export const entryId = (locale: string | null, documentId: string) => (locale ? `${locale}:${documentId}` : documentId);

/**
 * The CMS already hides embargoed items from the public API; the build checks again, so
 * an item under embargo can never reach a page, a feed, the search index or open data.
 */
export const isUnderEmbargo = (entry: Listed, now: Date) => Boolean(entry.embargoUntil && new Date(entry.embargoUntil) > now);

/**
 * One collection per content type, holding every locale (id `locale:documentId`).
 * Incremental: each build lists the published documentIds with their `updatedAt` (cheap,
 * two fields), drops what disappeared (deleted or unpublished), and fetches full bodies
 * only for what is new or changed. A rebuild with no change fetches no body.
 */
export function strapiLoader(type: ContentTypeKey, cmsUrl: string, fetchImpl: typeof fetch = fetch): Loader {
  const declaration = CONTENT_TYPES[type];
  const { plural } = declaration;
  const embargo = 'embargo' in declaration && declaration.embargo;
  // A type without translations is listed once, its entries keyed by documentId alone.
  const locales: Array<Locale | null> = declaration.localized ? [...LOCALE_CODES] : [null];
  return {
    name: `strapi-${type}`,
    load: async ({ store, meta, logger }) => {
      if (meta.get('cmsUrl') !== cmsUrl) {
        store.clear();
        meta.set('cmsUrl', cmsUrl);
      }
      const stats = { listed: 0, fetched: 0, removed: 0 };
      // Media changes (a new alt text, a replaced file) do not touch the entries' updatedAt.
      const refetchAll = process.env.LOADER_REFETCH === 'all';
      const now = new Date();
      for (const locale of locales) {
        const listed = (await getAll<Listed>(cmsUrl, `/api/${plural}`, listQuery(locale, embargo), fetchImpl)).filter((e) => !isUnderEmbargo(e, now));
        stats.listed += listed.length;
        const live = new Map(listed.map((e) => [entryId(locale, e.documentId), e.updatedAt]));
        for (const id of store.keys()) {
          if ((!locale || id.startsWith(`${locale}:`)) && !live.has(id)) {
            store.delete(id);
            stats.removed += 1;
          }
        }
        const stale = refetchAll ? listed : listed.filter((e) => store.get(entryId(locale, e.documentId))?.digest !== e.updatedAt);
        for (let i = 0; i < stale.length; i += BATCH) {
          const ids = stale.slice(i, i + BATCH).map((e) => e.documentId);
          const bodies = await getAll<Record<string, unknown> & Listed>(cmsUrl, `/api/${plural}`, bodyQuery(locale, ids), fetchImpl);
          for (const body of bodies.filter((b) => !isUnderEmbargo(b, now))) {
            store.set({ id: entryId(locale, body.documentId), data: body, digest: body.updatedAt });
          }
          stats.fetched += bodies.length;
        }
      }
      logger.info(`${plural}: ${stats.listed} published, ${stats.fetched} fetched, ${stats.removed} removed`);
      recordStats(type, stats);
    },
  };
}

function listQuery(locale: Locale | null, embargo: boolean) {
  const q = new URLSearchParams({ ...(locale ? { locale } : {}), 'fields[0]': 'documentId', 'fields[1]': 'updatedAt', sort: 'documentId' });
  if (embargo) q.set('fields[2]', 'embargoUntil');
  return q;
}

function bodyQuery(locale: Locale | null, documentIds: string[]) {
  const q = new URLSearchParams(locale ? { locale } : {});
  documentIds.forEach((id, i) => q.set(`filters[documentId][$in][${i}]`, id));
  return q;
}
