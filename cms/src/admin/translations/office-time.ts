import { useIntl } from 'react-intl';

/** The office's time zone (shared-types' OFFICE_TIME_ZONE; a unit test keeps them equal). */
export const OFFICE_TIME_ZONE = 'Europe/Belgrade';

/**
 * Formats times in the office's time zone in the admin's language. Chromium ships no Albanian
 * date formats, and would write an Albanian officer's dates in English ("Nov 18, 2026, 4:16
 * AM"); a language the browser lacks gets the numeric form Albanian writes, 18.11.2026, 04:16.
 */
export function useOfficeTime(): (iso: string, timeZone?: string) => string {
  const { formatDate, locale } = useIntl();
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0)
    return (iso, timeZone = OFFICE_TIME_ZONE) => formatDate(iso, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return (iso, timeZone = OFFICE_TIME_ZONE) => numericTime(iso, timeZone);
}

const NUMERIC = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const;

const formats = new Map<string, Intl.DateTimeFormat>();

/** 18.11.2026, 04:16 in the time zone given (one formatter per zone: a desk writes hundreds of times). */
export function numericTime(iso: string, timeZone: string): string {
  const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { ...NUMERIC, timeZone });
  formats.set(timeZone, format);
  const parts = format.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('day')}.${part('month')}.${part('year')}, ${part('hour')}:${part('minute')}`;
}
