import type { Locale } from '@newsroom/shared-types';
import { entriesDir, readEntries } from '../loaders/entry-store';
import type { PageType } from './routes';
import { config } from '../config';
import { dateOf, relatedIds, type Entry } from './entry';
import { dayOf } from './dates';
import { buildCacheDir, perEntries } from './build-scope';
import { recorded } from './reads';
import { byCodeUnits } from './code-units';

export { dateOf, relatedIds, type Entry } from './entry';

/**
 * Entries of the build, read once per type from the loaders' files (see
 * loaders/entry-store.ts; the cache folder is given by integrations/newsroom.ts).
 * Every query below is recorded (lib/reads.ts): a page that reads one is rendered again
 * when its answer changes.
 */
export const load = recorded('load', (type: PageType | 'government' | 'retiredPage') =>
  Promise.resolve(
    perEntries(type, `load:${type}`, () => readEntries(entriesDir(buildCacheDir()), type) as unknown as Entry[]),
  ),
);

/** A type's entries indexed once per build: sorted per locale, and by documentId. */
interface Index {
  all: Map<Locale, Entry[]>;
  listed: Map<Locale, Entry[]>;
  byId: Map<string, Map<Locale, Entry>>;
  /** The addresses (slugs) of a locale's published entries, withdrawn ones included. */
  slugs: Map<Locale, Set<string>>;
}

function order(type: PageType) {
  return (a: Entry, b: Entry) => {
    const da = dateOf(type, a);
    const db = dateOf(type, b);
    if (da && db) return byCodeUnits(db, da) || byCodeUnits(a.documentId, b.documentId);
    return (a.order ?? 999) - (b.order ?? 999) || String(a.title ?? a.name).localeCompare(String(b.title ?? b.name));
  };
}

/** Pages ask for entries many thousand times a build: every answer comes from this index, kept while the type's entries are. */
function index(type: PageType): Promise<Index> {
  return perEntries(type, `index:${type}`, () =>
    load(type).then((items) => {
      const all = new Map<Locale, Entry[]>();
      const byId = new Map<string, Map<Locale, Entry>>();
      for (const e of [...items].sort(order(type))) {
        if (!all.has(e.locale)) all.set(e.locale, []);
        all.get(e.locale)!.push(e);
        if (!byId.has(e.documentId)) byId.set(e.documentId, new Map());
        byId.get(e.documentId)!.set(e.locale, e);
      }
      const listed = new Map([...all].map(([l, list]) => [l, list.filter((e) => !e.withdrawal)]));
      const slugs = new Map([...all].map(([l, list]) => [l, new Set(list.map((e) => e.slug))]));
      return { all, listed, byId, slugs };
    }),
  );
}

/**
 * A locale's entries as lists, feeds and the home page show them: without withdrawn
 * items, whose pages stay (with their notice) but which leave every list and feed.
 * Newest first for dated types, by `order` then name otherwise. Shared: do not mutate.
 */
export const entries = recorded(
  'entries',
  async (type: PageType, locale: Locale): Promise<Entry[]> => (await index(type)).listed.get(locale) ?? [],
);

/** Every published entry of a locale, withdrawn ones included (their pages, the sitemap, the calendar, open data). */
export const allEntries = recorded(
  'allEntries',
  async (type: PageType, locale: Locale): Promise<Entry[]> => (await index(type)).all.get(locale) ?? [],
);

/** Whether a locale has a published entry of a type at this address (slug): its page is live. */
export const hasPage = recorded(
  'hasPage',
  async (type: PageType, locale: Locale, slug: string): Promise<boolean> =>
    (await index(type)).slugs.get(locale)?.has(slug) ?? false,
);

/** Every published translation of one document, by locale. */
export const translations = recorded(
  'translations',
  async (type: PageType, documentId: string): Promise<Map<Locale, Entry>> =>
    (await index(type)).byId.get(documentId) ?? new Map(),
  { documents: 1 },
);

/** The entries of a locale with these documentIds, in the type's order. */
export const byDocumentId = recorded(
  'byDocumentId',
  async (type: PageType, locale: Locale, documentIds: string[]): Promise<Entry[]> => {
    const { byId } = await index(type);
    const found = [...new Set(documentIds)]
      .map((id) => byId.get(id)?.get(locale))
      .filter((e): e is Entry => Boolean(e));
    return found.sort(order(type));
  },
  { documents: 2 },
);

/**
 * A locale's listed entries of a type by each document their `field` names, in the type's
 * order: made once per build, since a tag's, a person's and a campaign's pages each ask for
 * theirs (a hundred and more keys over thousands of entries).
 */
function linksBy(type: PageType, locale: Locale, field: string): Promise<Map<string, Entry[]>> {
  return perEntries(type, `links:${type}:${locale}:${field}`, async () => {
    const by = new Map<string, Entry[]>();
    for (const entry of await entries(type, locale))
      for (const id of new Set(relatedIds(entry, field))) {
        if (!by.has(id)) by.set(id, []);
        by.get(id)!.push(entry);
      }
    return by;
  });
}

/** A locale's listed entries of a type whose `field` names this document (a tag's or a person's items, a campaign's). */
export const linkingTo = recorded(
  'linkingTo',
  async (type: PageType, locale: Locale, field: string, documentId: string): Promise<Entry[]> =>
    (await linksBy(type, locale, field)).get(documentId) ?? [],
);

/** The office's date today (YYYY-MM-DD): the agenda shows what is ahead of it, the home the running campaigns. */
export const today = recorded('today', () => Promise.resolve(dayOf(new Date().toISOString(), config.SITE_TIME_ZONE)));
