import type { PageType } from './routes';

/** The field through which an item names the people it is about, per type. */
export const PEOPLE_FIELDS: Partial<Record<PageType, string>> = {
  release: 'people',
  speech: 'speaker',
  statement: 'person',
  gallery: 'people',
  agendaItem: 'people',
};
