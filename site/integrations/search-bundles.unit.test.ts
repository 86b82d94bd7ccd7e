import { describe, expect, it } from 'vitest';
import { bundleOf, monthOf, splitBundle } from './search-bundles';

describe('search bundles', () => {
  it("gives this month's items a bundle of their own and every other month's their year's", () => {
    expect(bundleOf('en-2026-12', '2026-12')).toBe('en-2026-12');
    expect(bundleOf('sr-latn-2026-12', '2026-12')).toBe('sr-latn-2026-12');
    expect(bundleOf('en-2026-11', '2026-12')).toBe('en-2026');
    expect(bundleOf('en-2025-12', '2026-12')).toBe('en-2025');
    expect(bundleOf('sq-undated', '2026-12')).toBe('sq-undated');
  });

  it("moves the month's items into their year's bundle when the month ends", () => {
    expect(bundleOf('en-2026-11', monthOf(new Date('2026-11-30T23:59:59Z')))).toBe('en-2026-11');
    expect(bundleOf('en-2026-11', monthOf(new Date('2026-12-01T00:00:00Z')))).toBe('en-2026');
  });

  it('reads a language with a script subtag, a month and an undated bundle back from the name', () => {
    expect(splitBundle('sr-latn-2026-12')).toEqual({ language: 'sr-latn', period: '2026-12' });
    expect(splitBundle('sr-latn-2026')).toEqual({ language: 'sr-latn', period: '2026' });
    expect(splitBundle('en-undated')).toEqual({ language: 'en', period: 'undated' });
    expect(() => splitBundle('../2026')).toThrow(/not a search bundle/);
  });
});
