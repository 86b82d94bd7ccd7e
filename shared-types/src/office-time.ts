/**
 * The office works in one time zone whatever the server's: schedules are entered, shown
 * and logged in it. Instants are stored in UTC, so a schedule is exact across
 * daylight-saving changes; only converting a wall-clock time needs the rules below.
 */
export const OFFICE_TIME_ZONE = 'Europe/Belgrade';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const HOUR = 3_600_000;

/** Minutes the zone is ahead of UTC at an instant. */
export function zoneOffsetMinutes(instant: Date, timeZone = OFFICE_TIME_ZONE): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The instant of a wall-clock time (`YYYY-MM-DDTHH:mm`) in the office's zone, resolved as
 * calendars do: a time skipped by the spring change moves forward by the gap (02:30 on
 * that night is 03:30 summer time); a time that happens twice in autumn is its first
 * occurrence (summer time).
 */
export function wallTimeToInstant(wallTime: string, timeZone = OFFICE_TIME_ZONE): Date {
  const m = WALL_TIME.exec(wallTime);
  if (!m) throw new Error(`Not a date and time (YYYY-MM-DDTHH:mm): "${wallTime}"`);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const before = zoneOffsetMinutes(new Date(asUtc - 24 * HOUR), timeZone);
  const after = zoneOffsetMinutes(new Date(asUtc + 24 * HOUR), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((t) => asUtc - zoneOffsetMinutes(new Date(t), timeZone) * 60_000 === t)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - before * 60_000);
}

/** "29 Nov 2026, 09:00 CET": how the office reads a time in the admin and the log. */
export function formatOfficeTime(instant: Date | string, timeZone = OFFICE_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(instant));
}
