import { describe, expect, it } from 'vitest';
import { makeReference } from './submissions';

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
