import { describe, expect, it } from 'vitest';
import { formatOfficeTime, wallTimeToInstant } from './office-time';

describe('office time (Europe/Belgrade)', () => {
  it('turns winter and summer wall-clock times into the right instants', () => {
    expect(wallTimeToInstant('2026-12-01T09:00').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(wallTimeToInstant('2026-07-01T09:00').toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the gap', () => {
    // 29 March 2026: clocks go from 02:00 straight to 03:00.
    const instant = wallTimeToInstant('2026-03-29T02:30');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(formatOfficeTime(instant)).toBe('29 Mar 2026, 03:30 CEST');
  });

  it('takes the first of the two 02:30s of the autumn change', () => {
    // 25 October 2026: 02:00–03:00 happens twice, first in summer time.
    const instant = wallTimeToInstant('2026-10-25T02:30');
    expect(instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(formatOfficeTime(instant)).toBe('25 Oct 2026, 02:30 CEST');
    expect(formatOfficeTime(new Date('2026-10-25T01:30:00Z'))).toBe('25 Oct 2026, 02:30 CET');
  });

  it('refuses what is not a wall-clock time, naming it', () => {
    expect(() => wallTimeToInstant('tomorrow 9')).toThrow('"tomorrow 9"');
  });
});
