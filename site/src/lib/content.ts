import { getCollection } from 'astro:content';
import type { EntryBase, Locale } from '@newsroom/shared-types';
import type { PageType } from './routes';
import { dateOf, type Entry } from './entry';

export { dateOf, relatedIds, type Entry } from './entry';

/**
 * Entries of the build, read once per type: `getCollection()` deep-clones on every call,
 * so pages ask here instead.
 */
const cache = new Map<PageType, Promise<EntryBase[]>>();

function load(type: PageType): Promise<Entry[]> {
  if (!cache.has(type)) cache.set(type, getCollection(type as never).then((items) => items.map((i) => (i as { data: EntryBase }).data)));
  return cache.get(type) as Promise<Entry[]>;
}

/** A locale's entries, newest first for dated types, by `order` then name otherwise. */
export async function entries(type: PageType, locale: Locale): Promise<Entry[]> {
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
  return (await entries(type, locale)).filter((e) => wanted.has(e.documentId));
}
