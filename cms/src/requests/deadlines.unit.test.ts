import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  clockState,
  complaintUntil,
  decisionDue,
  endOfOfficeDay,
  officeDate,
  referralDue,
} from './deadlines';
import { isHoliday } from './holidays';

/** Office wall-clock time (Europe/Belgrade) as an instant. */
const at = (iso: string) => new Date(iso);

describe('the decision on a request for access to documents', () => {
  it('is due 7 calendar days after registration, at midnight office time', () => {
    // Monday 30 November 2026, 10:00 CET → Monday 7 December, end of the day (CET = UTC+1).
    expect(decisionDue({ registeredAt: at('2026-11-30T09:00:00Z') }).toISOString()).toBe('2026-12-07T22:59:59.999Z');
  });

  it('moves to the next working day when the last day is a weekend or a public holiday', () => {
    // Friday 18 December + 7 = Friday 25 December (Christmas), then the weekend: Monday 28.
    expect(officeDate(decisionDue({ registeredAt: at('2026-12-18T10:00:00Z') }))).toBe('2026-12-28');
    // Saturday 26 December + 7 = Saturday 2 January (a holiday too), Sunday: Monday 4 January 2027.
    expect(officeDate(decisionDue({ registeredAt: at('2026-12-26T10:00:00Z') }))).toBe('2027-01-04');
    // Friday 30 January 2026 + 7 = Friday 6 February: an ordinary working day.
    expect(officeDate(decisionDue({ registeredAt: at('2026-01-30T10:00:00Z') }))).toBe('2026-02-06');
    // Tuesday 10 February + 7 = Tuesday 17 February, Independence Day: Wednesday 18.
    expect(officeDate(decisionDue({ registeredAt: at('2026-02-10T10:00:00Z') }))).toBe('2026-02-18');
  });

  it("counts from the office's date, not UTC's, around midnight", () => {
    // 00:30 on Sunday 25 October 2026 in Belgrade is still 24 October in UTC.
    expect(officeDate(at('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(officeDate(decisionDue({ registeredAt: at('2026-10-24T22:30:00Z') }))).toBe('2026-11-02');
    // 23:30 on Saturday 24 October is the 24th: + 7 = Saturday 31, so Monday 2 November.
    expect(officeDate(decisionDue({ registeredAt: at('2026-10-24T21:30:00Z') }))).toBe('2026-11-02');
  });

  it('ends at midnight in summer and in winter time alike', () => {
    // Sunday 22 March 2026 + 7 = Sunday 29 March (summer time starts), so Monday 30, CEST = UTC+2.
    expect(decisionDue({ registeredAt: at('2026-03-22T10:00:00Z') }).toISOString()).toBe('2026-03-30T21:59:59.999Z');
    // The night summer time ends: 25 October has 25 hours, and its end is 23:00 UTC.
    expect(endOfOfficeDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect(endOfOfficeDay('2026-10-24').toISOString()).toBe('2026-10-24T21:59:59.999Z');
  });

  it('can be extended once, by at most 15 days', () => {
    expect(officeDate(decisionDue({ registeredAt: at('2026-11-30T09:00:00Z'), extensionDays: 15 }))).toBe('2026-12-22');
    expect(() => decisionDue({ registeredAt: at('2026-11-30T09:00:00Z'), extensionDays: 16 })).toThrow(
      /at most 15 days/,
    );
  });

  it("runs again from the requester's clarification", () => {
    expect(
      officeDate(decisionDue({ registeredAt: at('2026-11-02T09:00:00Z'), clarifiedAt: at('2026-11-20T09:00:00Z') })),
    ).toBe('2026-11-27');
  });

  it("is due in 48 hours, to the minute and weekends included, when a person's life or liberty depends on it", () => {
    expect(decisionDue({ registeredAt: at('2026-12-26T08:15:00Z'), urgent: true }).toISOString()).toBe(
      '2026-12-28T08:15:00.000Z',
    );
  });
});

describe('a referral to the institution that holds the document', () => {
  it('is due within 5 working days, skipping weekends and holidays', () => {
    // Thursday 24 December 2026: 28, 29, 30, 31 December, then 1–3 January are off, Monday 4 January.
    expect(officeDate(referralDue(at('2026-12-24T10:00:00Z')))).toBe('2027-01-04');
    expect(addWorkingDays('2026-11-30', 5)).toBe('2026-12-07');
  });
});

describe('a refusal', () => {
  it('tells the requester they may complain to the Agency within 15 days', () => {
    // Decided Monday 7 December 2026 + 15 = Tuesday 22 December.
    expect(officeDate(complaintUntil(at('2026-12-07T12:00:00Z')))).toBe('2026-12-22');
  });
});

describe("Kosovo's public holidays", () => {
  it('include the fixed and the movable ones, and a Monday after a holiday on a Sunday', () => {
    for (const day of [
      '2026-01-01',
      '2026-01-07',
      '2026-02-17',
      '2026-04-09',
      '2026-04-06',
      '2026-04-13',
      '2026-05-01',
      '2026-05-09',
      '2026-12-25',
      '2026-03-20',
      '2026-05-27',
    ]) {
      expect(isHoliday(day), day).toBe(true);
    }
    // Europe Day 2027 is a Sunday: observed on Monday 10 May.
    expect(isHoliday('2027-05-10')).toBe(true);
    expect(isHoliday('2026-11-30')).toBe(false);
  });

  it('say clearly when a year is missing from the table', () => {
    expect(() => isHoliday('2031-03-01')).toThrow(/holidays for 2031 are not in .*holidays\.ts/);
  });
});

describe("the desk's clock", () => {
  const due = decisionDue({ registeredAt: at('2026-11-30T09:00:00Z') });
  it('says running, due today, overdue, answered in time or late', () => {
    expect(clockState(due, at('2026-12-01T09:00:00Z'))).toBe('running');
    expect(clockState(due, at('2026-12-07T08:00:00Z'))).toBe('due-today');
    expect(clockState(due, at('2026-12-07T23:30:00Z'))).toBe('overdue');
    expect(clockState(due, at('2026-12-09T09:00:00Z'), at('2026-12-07T12:00:00Z'))).toBe('answered-in-time');
    expect(clockState(due, at('2026-12-09T09:00:00Z'), at('2026-12-08T12:00:00Z'))).toBe('answered-late');
  });
});
