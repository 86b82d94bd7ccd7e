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

/**
 * Lists, archives, navigation and the sitemap format and group the same dates on thousands
 * of pages: answers are kept. Shared: do not mutate one.
 */
const answers = new Map<string, unknown>();
function remembered<T>(key: string, make: () => T): T {
  if (!answers.has(key)) answers.set(key, make());
  return answers.get(key) as T;
}

export function formatDate(value: string, locale: Locale, timeZone: string): string {
  return remembered(`date|${value}|${locale}|${timeZone}`, () =>
    formatter(fmt(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: isDateOnly(value) ? 'UTC' : timeZone,
    }).format(new Date(value)),
  );
}

export function formatDateTime(value: string, locale: Locale, timeZone: string): string {
  return remembered(`dateTime|${value}|${locale}|${timeZone}`, () =>
    formatter(fmt(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(value)),
  );
}

export function formatTime(value: string, locale: Locale, timeZone: string): string {
  return remembered(`time|${value}|${locale}|${timeZone}`, () =>
    formatter(fmt(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(value)),
  );
}

export function formatMonth(year: number, month: number, locale: Locale): string {
  return remembered(`month|${year}|${month}|${locale}`, () =>
    formatter(fmt(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 1)),
    ),
  );
}

/** Year and month (1–12) of a value, in the site's time zone. */
export function yearMonth(value: string, timeZone: string): { year: number; month: number } {
  return remembered(`yearMonth|${value}|${timeZone}`, () => {
    const parts = formatter('en', {
      year: 'numeric',
      month: 'numeric',
      timeZone: isDateOnly(value) ? 'UTC' : timeZone,
    }).formatToParts(new Date(value));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    return { year: get('year'), month: get('month') };
  });
}

/** The calendar day (YYYY-MM-DD) of a value in the site's time zone. */
export function dayOf(value: string, timeZone: string): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(value));
}

/**
 * How this locale writes a long date, for code in the browser: Chromium has no Albanian
 * formats, so the page brings the pattern and the month names from the build's full ICU.
 */
export function longDatePattern(locale: Locale): { parts: { type: string; value: string }[]; months: string[] } {
  const format = formatter(fmt(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const months = Array.from(
    { length: 12 },
    (_, m) => format.formatToParts(new Date(Date.UTC(2026, m, 15))).find((p) => p.type === 'month')!.value,
  );
  return { parts: format.formatToParts(new Date(Date.UTC(2026, 0, 15))), months };
}
