import { describe, expect, it } from 'vitest';
import { bearerMatches } from './auth';

describe('bearerMatches', () => {
  it('accepts only the exact secret as a bearer token', () => {
    expect(bearerMatches('Bearer s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(true);
    expect(bearerMatches('Bearer s3cret-s3cret-s3creT', 's3cret-s3cret-s3cret')).toBe(false);
    expect(bearerMatches('s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(false);
    expect(bearerMatches(undefined, 's3cret-s3cret-s3cret')).toBe(false);
    expect(bearerMatches('Bearer ', 's3cret-s3cret-s3cret')).toBe(false);
  });

  it('compares without failing fast on a shorter or longer guess', () => {
    // Hashing both sides makes lengths equal: timingSafeEqual would throw on unequal lengths.
    expect(() => bearerMatches('Bearer x', 'a-much-longer-secret-value')).not.toThrow();
    expect(bearerMatches(`Bearer ${'x'.repeat(10_000)}`, 'a-much-longer-secret-value')).toBe(false);
  });
});
