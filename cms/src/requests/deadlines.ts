import { OFFICE_TIME_ZONE, wallTimeToInstant } from '@newsroom/shared-types';
import { ACCESS_PERIODS } from './legal-periods';
import { isHoliday } from './holidays';

const DAY = 86_400_000;

/** The office's calendar date (`YYYY-MM-DD`) of an instant. */
export function officeDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: OFFICE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(date);
}

/** The date itself when it is a working day, else the next working day. */
export function onWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export function addWorkingDays(date: string, days: number): string {
  let d = date;
  for (let left = days; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** The last instant of an office day: a deadline "on" a date runs to its midnight, in office time, whatever the season. */
export function endOfOfficeDay(date: string): Date {
  return new Date(wallTimeToInstant(`${addDays(date, 1)}T00:00`).getTime() - 1);
}

/** What the clock of one request for access to documents depends on. */
export interface AccessClock {
  /** When the request was registered. */
  registeredAt: Date;
  /** When the requester answered the office's request for clarification: the period runs again from then. */
  clarifiedAt?: Date | null;
  /** The one extension, in days (at most ACCESS_PERIODS.maxExtensionDays). */
  extensionDays?: number;
  /** About a person's life or liberty. */
  urgent?: boolean;
}

/**
 * When the decision on a request is due. 7 calendar days from the day it was registered
 * (or clarified), plus the extension; a last day that is not a working day moves to the
 * next one; due at that day's midnight, office time. An urgent request is due 48 hours
 * after it was registered, to the minute.
 */
export function decisionDue(clock: AccessClock): Date {
  const start = clock.clarifiedAt ?? clock.registeredAt;
  if (clock.urgent) return new Date(start.getTime() + ACCESS_PERIODS.urgentHours * 3_600_000);
  const extension = clock.extensionDays ?? 0;
  if (extension < 0 || extension > ACCESS_PERIODS.maxExtensionDays)
    throw new Error(`An extension is at most ${ACCESS_PERIODS.maxExtensionDays} days (got ${extension})`);
  return endOfOfficeDay(onWorkingDay(addDays(officeDate(start), ACCESS_PERIODS.decisionDays + extension)));
}

/** When a request for a document another institution holds must have been referred there. */
export function referralDue(registeredAt: Date): Date {
  return endOfOfficeDay(addWorkingDays(officeDate(registeredAt), ACCESS_PERIODS.referralWorkingDays));
}

/** Until when a requester may complain to the Information and Privacy Agency about a refusal. */
export function complaintUntil(decidedAt: Date): Date {
  return endOfOfficeDay(onWorkingDay(addDays(officeDate(decidedAt), ACCESS_PERIODS.complaintDays)));
}

export type ClockState = 'running' | 'due-today' | 'overdue' | 'answered-in-time' | 'answered-late';

/** Where a request stands against its deadline, for the desk. */
export function clockState(due: Date, now: Date, answeredAt?: Date | null): ClockState {
  if (answeredAt) return answeredAt.getTime() <= due.getTime() ? 'answered-in-time' : 'answered-late';
  if (now.getTime() > due.getTime()) return 'overdue';
  return officeDate(now) === officeDate(due) ? 'due-today' : 'running';
}
