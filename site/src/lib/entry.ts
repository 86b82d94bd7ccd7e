import { CONTENT_TYPES, type ChangeNote, type EntryBase, type Locale } from '@newsroom/shared-types';
import type { PageType } from './routes';

/**
 * An entry as the loader stored it: the API's shape. What every page type has is typed here;
 * a type's own fields are read by name and typed where they are read, as shared-types' shape
 * of that type (`entry as unknown as AgendaItem`) or with `field()`.
 */
export type Entry = EntryBase & {
  slug: string;
  title?: string;
  name?: string;
  summary?: string | null;
  order?: number | null;
} & Record<string, unknown>;

/** A field of an entry, as the caller knows its type to be (shared-types' shapes say which). */
export const field = <T>(entry: Entry, name: string): T | null | undefined => entry[name] as T | null | undefined;

/** What every item component is given. */
export interface ItemProps {
  type: PageType;
  locale: Locale;
  entry: Entry;
}

export const dateOf = (type: PageType, entry: Entry): string | undefined => {
  const field = (CONTENT_TYPES[type] as { dateField?: string }).dateField;
  return field ? (entry[field] as string) : undefined;
};

/** documentIds of a relation field (the loaded entry holds populated relations). */
export const relatedIds = (entry: Entry, field: string): string[] => {
  const value = entry[field] as { documentId: string } | Array<{ documentId: string }> | null | undefined;
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.documentId);
};

/** The latest change note: the last major change. Typo fixes carry none and change no date. */
export const latestChange = (entry: Entry): ChangeNote | undefined =>
  [...((entry.changeNotes as ChangeNote[] | null | undefined) ?? [])].sort((a, b) => b.date.localeCompare(a.date))[0];

/** When an item last mattered to readers: its date, or its latest change note if later. */
export const lastMajorChange = (type: PageType, entry: Entry): string => {
  const date = dateOf(type, entry) ?? entry.publishedAt;
  const change = latestChange(entry)?.date;
  return change && change > date.slice(0, 10) ? change : date;
};
