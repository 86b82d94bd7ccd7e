import type { Locale } from '@newsroom/shared-types';
import { translations, type Entry } from './content';
import { itemPath, type PageType } from './routes';

/** The item's page in every locale it is published in. */
export async function itemAlternates(type: PageType, entry: Entry): Promise<Partial<Record<Locale, string>>> {
  const all = await translations(type, entry.documentId);
  return Object.fromEntries([...all].map(([locale, e]) => [locale, itemPath(type, locale, e.slug)]));
}
