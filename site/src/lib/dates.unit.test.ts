import { describe, expect, it } from 'vitest';
import { dayOf, formatDate, formatDateTime, formatMonth, formatTime, yearMonth } from './dates';

const TZ = 'Europe/Belgrade';

describe('dates', () => {
  it('format a date in each locale’s own way', () => {
    expect(formatDate('2026-11-20T10:00:00.000Z', 'en', TZ)).toBe('20 November 2026');
    expect(formatDate('2026-11-20T10:00:00.000Z', 'sq', TZ)).toBe('20 nëntor 2026');
    expect(formatDate('2026-11-20T10:00:00.000Z', 'sr-Latn', TZ)).toBe('20. novembar 2026.');
  });

  it('never shifts a calendar date to the day before', () => {
    expect(formatDate('2026-03-01', 'en', 'America/New_York')).toBe('1 March 2026');
  });

  it('show times in the office’s time zone', () => {
    expect(formatDateTime('2026-11-20T23:30:00.000Z', 'en', TZ)).toMatch(/21 November 2026.*00:30/);
    expect(dayOf('2026-11-20T23:30:00.000Z', TZ)).toBe('2026-11-21');
    // A 24-hour clock in every language: "p.d." and "PM" are not how the office writes times.
    expect(formatTime('2026-11-20T13:05:00.000Z', 'sq', TZ)).toBe('14:05');
    expect(formatTime('2026-11-20T13:05:00.000Z', 'en', TZ)).toBe('14:05');
  });

  it('put an item in the month of the office’s calendar', () => {
    expect(yearMonth('2026-11-30T23:30:00.000Z', TZ)).toEqual({ year: 2026, month: 12 });
    expect(yearMonth('2026-11-30', TZ)).toEqual({ year: 2026, month: 11 });
    expect(formatMonth(2026, 12, 'sq')).toBe('dhjetor 2026');
  });
});
