import { getCollection } from 'astro:content';
import type { EntryBase, Locale } from '@newsroom/shared-types';
import type { PageType } from './routes';
import { dateOf, type Entry } from './entry';

export { dateOf, relatedIds, type Entry } from './entry';

/**
 * Entries of the build, read once per type: `getCollection()` deep-clones on every call,
 * so pages ask here instead.
 */
const cache = new Map<string, Promise<EntryBase[]>>();

export function load(type: PageType | 'government' | 'retiredPage'): Promise<Entry[]> {
  if (!cache.has(type)) cache.set(type, getCollection(type as never).then((items) => items.map((i) => (i as { data: EntryBase }).data)));
  return cache.get(type) as Promise<Entry[]>;
}

/**
 * A locale's entries as lists, feeds and the home page show them: without withdrawn
 * items, whose pages stay (with their notice) but which leave every list and feed.
 */
export async function entries(type: PageType, locale: Locale): Promise<Entry[]> {
  return (await allEntries(type, locale)).filter((e) => !e.withdrawal);
}

/** Every published entry of a locale, withdrawn ones included (their pages, the sitemap, the calendar, open data). */
export async function allEntries(type: PageType, locale: Locale): Promise<Entry[]> {
  const list = (await load(type)).filter((e) => e.locale === locale);
  return list.sort((a, b) => {
    const da = dateOf(type, a);
    const db = dateOf(type, b);
    if (da && db) return db.localeCompare(da) || a.documentId.localeCompare(b.documentId);
    return (a.order ?? 999) - (b.order ?? 999) || String(a.title ?? a.name).localeCompare(String(b.title ?? b.name));
  });
}

/** Every published translation of one document, by locale. */
export async function translations(type: PageType, documentId: string): Promise<Map<Locale, Entry>> {
  return new Map((await load(type)).filter((e) => e.documentId === documentId).map((e) => [e.locale, e]));
}

export async function byDocumentId(type: PageType, locale: Locale, documentIds: string[]): Promise<Entry[]> {
  const wanted = new Set(documentIds);
  return (await allEntries(type, locale)).filter((e) => wanted.has(e.documentId));
}
