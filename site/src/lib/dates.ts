import { localeInfo, type Locale } from '@newsroom/shared-types';

const fmt = (locale: Locale) => localeInfo(locale).formatLocale;

/** Making a formatter costs far more than using one; a build formats dates many thousand times. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(locale, options));
  return formatters.get(key)!;
}

/** A date-only value (`2026-11-20`) is a calendar day: format it in UTC so it never shifts. */
const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function formatDate(value: string, locale: Locale, timeZone: string): string {
  return formatter(fmt(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: isDateOnly(value) ? 'UTC' : timeZone,
  }).format(new Date(value));
}

export function formatDateTime(value: string, locale: Locale, timeZone: string): string {
  return formatter(fmt(locale), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(value),
  );
}

export function formatTime(value: string, locale: Locale, timeZone: string): string {
  return formatter(fmt(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(value));
}

export function formatMonth(year: number, month: number, locale: Locale): string {
  return formatter(fmt(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** Archives, the sitemap and the incremental build ask for the same dates' months many times. */
const months = new Map<string, { year: number; month: number }>();

/** Year and month (1–12) of a value, in the site's time zone. Shared: do not mutate. */
export function yearMonth(value: string, timeZone: string): { year: number; month: number } {
  const key = `${value}|${timeZone}`;
  let found = months.get(key);
  if (!found) {
    const parts = formatter('en', { year: 'numeric', month: 'numeric', timeZone: isDateOnly(value) ? 'UTC' : timeZone }).formatToParts(new Date(value));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    found = { year: get('year'), month: get('month') };
    months.set(key, found);
  }
  return found;
}

/** The calendar day (YYYY-MM-DD) of a value in the site's time zone. */
export function dayOf(value: string, timeZone: string): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(value));
}
