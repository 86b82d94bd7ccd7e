import type { Loader } from 'astro/loaders';
import type { BuildPlan } from '@newsroom/shared-types';
import {
  CONTENT_TYPES,
  LOCALE_CODES,
  listingDigest,
  type ContentTypeKey,
  type ListingData,
  type Locale,
} from '@newsroom/shared-types';
import { getAll, getJson, PAGE_SIZE } from './cms-client';
import { recordSync, type Change } from './changes';
import { entriesDir, openEntryStore } from './entry-store';
import { slim } from './slim';
import { openMediaFiles } from './media-files';
import { fileURLToPath } from 'node:url';

interface Listed {
  documentId: string;
  updatedAt: string;
  embargoUntil?: string | null;
}

/** The CMS's build listing (shared-types' ListingData). */
interface Listing {
  data: ListingData;
}

/** Bodies are fetched by documentId in batches of Strapi's page size (about 4 KB of URL). */
const BATCH = PAGE_SIZE;

/**
 * What a store's entries were read from, and in which form: entries kept before the site
 * copied uploads (their `publicUrl`) are read afresh once.
 */
const storeSource = (cmsUrl: string) => `${cmsUrl} (uploads copied and hashed)`;

export const entryId = (locale: string | null, documentId: string) => (locale ? `${locale}:${documentId}` : documentId);

/**
 * The CMS already hides embargoed items from the public API; the build checks again, so
 * an item under embargo can never reach a page, a feed, the search index or open data.
 */
export const isUnderEmbargo = (entry: Listed, now: Date) =>
  Boolean(entry.embargoUntil && new Date(entry.embargoUntil) > now);

/**
 * One collection per content type, holding every locale (id `locale:documentId`).
 * Incremental: each build reads the CMS's listing of published documentIds with their
 * `updatedAt` (one request per type), drops what disappeared (deleted or unpublished), and
 * fetches full bodies only for what is new or changed. A rebuild with no change fetches no
 * body. What changed is recorded for the incremental build.
 */
export function strapiLoader(
  type: ContentTypeKey,
  cmsUrl: string,
  {
    refetch = 'changed',
    changedTypes,
    fetchImpl = fetch,
  }: Partial<Pick<BuildPlan, 'refetch' | 'changedTypes'>> & { fetchImpl?: typeof fetch } = {},
): Loader {
  const { plural } = CONTENT_TYPES[type];
  // A type without translations is listed once, its entries keyed by documentId alone.
  const locales: Array<Locale | null> = CONTENT_TYPES[type].localized ? [...LOCALE_CODES] : [null];
  return {
    name: `strapi-${type}`,
    load: async ({ store: astroStore, config, logger }) => {
      // Entries live in the loader's own files (see entry-store.ts); Astro's store stays empty.
      astroStore.clear();
      const cacheDir = fileURLToPath(config.cacheDir);
      const store = openEntryStore(entriesDir(cacheDir), type);
      const media = openMediaFiles(cacheDir, cmsUrl, fetchImpl);
      const fresh = store.cmsUrl() !== storeSource(cmsUrl);
      if (fresh) store.reset(storeSource(cmsUrl));
      const synced = store.listing();
      // No event named this type: its entries are as the CMS listed them last time (the builder's
      // safety net compares that listing's digest with the CMS's, for a change no event told of).
      if (changedTypes && !changedTypes.includes(type) && synced && refetch !== 'all') {
        logger.info(`${plural}: ${synced.listed} published, kept as last synced (no event named them)`);
        recordSync(type, { ...synced, fetched: 0, removed: 0 }, { changes: [] });
        return;
      }
      const stats = { listed: 0, fetched: 0, removed: 0, digest: '' };
      const changes: Change[] = [];
      // Media changes (a new alt text, a replaced file) do not touch the entries' updatedAt.
      const refetchAll = refetch === 'all';
      const now = new Date();
      const listing = await getJson<Listing>(`${cmsUrl}/api/newsroom/listing/${plural}`, fetchImpl);
      stats.digest = listingDigest(listing.data);
      for (const locale of locales) {
        const listed = listing.data[locale ?? ''] ?? [];
        stats.listed += listed.length;
        const live = new Map(listed.map(([documentId, updatedAt]) => [entryId(locale, documentId), updatedAt]));
        for (const id of store.keys()) {
          if ((!locale || id.startsWith(`${locale}:`)) && !live.has(id)) {
            changes.push({ id, before: store.get(id)!.data, after: null });
            store.delete(id);
            stats.removed += 1;
          }
        }
        const stale = refetchAll
          ? listed
          : listed.filter(([documentId, updatedAt]) => store.get(entryId(locale, documentId))?.digest !== updatedAt);
        for (let i = 0; i < stale.length; i += BATCH) {
          const ids = stale.slice(i, i + BATCH).map(([documentId]) => documentId);
          const bodies = await getAll<Record<string, unknown> & Listed>(
            cmsUrl,
            `/api/${plural}`,
            bodyQuery(locale, ids),
            fetchImpl,
          );
          for (const body of bodies) {
            const id = entryId(locale, body.documentId);
            const before = store.get(id)?.data ?? null;
            if (isUnderEmbargo(body, now)) {
              if (before) changes.push({ id, before, after: null });
              store.delete(id);
              continue;
            }
            await media.localize(body);
            const kept = slim(body);
            store.set(id, kept, body.updatedAt);
            changes.push({ id, before, after: kept });
          }
          stats.fetched += bodies.length;
        }
      }
      media.save();
      store.syncedWith({ digest: stats.digest, listed: stats.listed });
      store.save();
      logger.info(`${plural}: ${stats.listed} published, ${stats.fetched} fetched, ${stats.removed} removed`);
      recordSync(type, stats, fresh || refetchAll ? { unknown: true } : { changes });
    },
  };
}

function bodyQuery(locale: Locale | null, documentIds: string[]) {
  const q = new URLSearchParams(locale ? { locale } : {});
  documentIds.forEach((id, i) => q.set(`filters[documentId][$in][${i}]`, id));
  return q;
}
