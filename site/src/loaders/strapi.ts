import type { Loader } from 'astro/loaders';
import { CONTENT_TYPES, LOCALE_CODES, type ContentTypeKey, type Locale } from '@newsroom/shared-types';
import { getAll } from './cms-client';
import { recordStats } from './stats';

interface Listed {
  documentId: string;
  updatedAt: string;
}

/** Bodies are fetched by documentId in batches this size (kept well under URL limits). */
const BATCH = 40;

export const entryId = (locale: string, documentId: string) => `${locale}:${documentId}`;

/**
 * One collection per content type, holding every locale (id `locale:documentId`).
 * Incremental: each build lists the published documentIds with their `updatedAt` (cheap,
 * two fields), drops what disappeared (deleted or unpublished), and fetches full bodies
 * only for what is new or changed. A rebuild with no change fetches no body.
 */
export function strapiLoader(type: ContentTypeKey, cmsUrl: string, fetchImpl: typeof fetch = fetch): Loader {
  const { plural } = CONTENT_TYPES[type];
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
      for (const locale of LOCALE_CODES) {
        const listed = await getAll<Listed>(cmsUrl, `/api/${plural}`, listQuery(locale), fetchImpl);
        stats.listed += listed.length;
        const live = new Map(listed.map((e) => [entryId(locale, e.documentId), e.updatedAt]));
        for (const id of store.keys()) {
          if (id.startsWith(`${locale}:`) && !live.has(id)) {
            store.delete(id);
            stats.removed += 1;
          }
        }
        const stale = refetchAll ? listed : listed.filter((e) => store.get(entryId(locale, e.documentId))?.digest !== e.updatedAt);
        for (let i = 0; i < stale.length; i += BATCH) {
          const ids = stale.slice(i, i + BATCH).map((e) => e.documentId);
          const bodies = await getAll<Record<string, unknown> & Listed>(cmsUrl, `/api/${plural}`, bodyQuery(locale, ids), fetchImpl);
          for (const body of bodies) {
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

function listQuery(locale: Locale) {
  return new URLSearchParams({ locale, 'fields[0]': 'documentId', 'fields[1]': 'updatedAt', sort: 'documentId' });
}

function bodyQuery(locale: Locale, documentIds: string[]) {
  const q = new URLSearchParams({ locale });
  documentIds.forEach((id, i) => q.set(`filters[documentId][$in][${i}]`, id));
  return q;
}
