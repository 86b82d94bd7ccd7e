import { useIntl } from 'react-intl';

/** The office's time zone (shared-types' OFFICE_TIME_ZONE; a unit test keeps them equal). */
export const OFFICE_TIME_ZONE = 'Europe/Belgrade';

/** Formats times in the office's time zone in the admin's language. */
export function useOfficeTime(): (iso: string, timeZone?: string) => string {
  const intl = useIntl();
  return (iso, timeZone = OFFICE_TIME_ZONE) =>
    intl.formatDate(iso, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}
