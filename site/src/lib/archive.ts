import type { Locale } from '@newsroom/shared-types';
import { config } from '../config';
import { yearMonth } from './dates';
import { dateOf, entries, type Entry } from './content';
import type { PageType } from './routes';
import { recorded } from './reads';
import { perEntries } from './build-scope';

export interface Month {
  year: number;
  month: number;
  items: Entry[];
}

/**
 * A type's entries grouped by the month of their date, newest month first. Archive pages
 * are per month, so a new item changes its month's page and the list, not every page.
 */
export const months = recorded('months', (type: PageType, locale: Locale) =>
  perEntries(type, `months:${type}:${locale}`, () => group(type, locale)),
);

/** The months a type has entries in, newest first: what an archive page lists of the others. */
export const monthList = recorded('monthList', async (type: PageType, locale: Locale) =>
  (await months(type, locale)).map(({ year, month }) => ({ year, month })),
);

/** The years a type has entries in, newest first: what a year's and a month's page link to. */
export const archiveYears = recorded('archiveYears', async (type: PageType, locale: Locale) => [
  ...new Set((await months(type, locale)).map((m) => m.year)),
]);

/** The months of one year a type has entries in, each with how many: what a year's and a month's page show. */
export const yearMonths = recorded('yearMonths', async (type: PageType, locale: Locale, year: number) =>
  (await months(type, locale))
    .filter((m) => m.year === year)
    .map(({ month, items }) => ({ year, month, count: items.length })),
);

/** One month's entries, newest first (none when the month is empty). */
export const monthItems = recorded(
  'monthItems',
  async (type: PageType, locale: Locale, year: number, month: number): Promise<Entry[]> =>
    (await months(type, locale)).find((m) => m.year === year && m.month === month)?.items ?? [],
);

async function group(type: PageType, locale: Locale): Promise<Month[]> {
  const byMonth = new Map<string, Month>();
  for (const entry of await entries(type, locale)) {
    const date = dateOf(type, entry);
    if (!date) continue;
    const { year, month } = yearMonth(date, config.SITE_TIME_ZONE);
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (!byMonth.has(key)) byMonth.set(key, { year, month, items: [] });
    byMonth.get(key)!.items.push(entry);
  }
  return [...byMonth.values()].sort((a, b) => b.year - a.year || b.month - a.month);
}
