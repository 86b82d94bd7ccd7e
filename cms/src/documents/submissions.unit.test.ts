import { describe, expect, it } from 'vitest';
import { addWorkingDays, makeReference } from './submissions';

describe('addWorkingDays', () => {
  it('skips Saturdays and Sundays', () => {
    // Friday 27 November 2026 + 1 working day = Monday 30 November.
    expect(addWorkingDays(new Date('2026-11-27T15:00:00Z'), 1)).toBe('2026-11-30');
    expect(addWorkingDays(new Date('2026-11-27T15:00:00Z'), 7)).toBe('2026-12-08');
  });

  it('counts from a weekend day to the next working days', () => {
    expect(addWorkingDays(new Date('2026-11-29T10:00:00Z'), 2)).toBe('2026-12-01');
  });
});

describe('makeReference', () => {
  it('is the prefix, the year and six unambiguous characters', () => {
    const ref = makeReference('DR', new Date('2026-11-29T10:00:00Z'));
    expect(ref).toMatch(/^DR-2026-[2-9A-HJKMNP-Z]{6}$/);
  });

  it('differs between calls', () => {
    const refs = new Set(Array.from({ length: 50 }, () => makeReference('MI', new Date())));
    expect(refs.size).toBe(50);
  });
});
