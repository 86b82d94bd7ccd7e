import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from './json-pieces';

describe('a manifest turned into text in pieces', () => {
  it('joins to exactly what JSON.stringify makes of the whole', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string(),
          fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(fc.string(), fc.jsonValue())),
        ),
        fc.integer({ min: 1, max: 5 }),
        (value, entries) => {
          expect([...jsonPieces(value, entries)].join('')).toBe(JSON.stringify(value));
        },
      ),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('leaves out fields and entries JSON leaves out, and keeps dates as JSON writes them', () => {
    const value = { gone: undefined, at: new Date(0), pages: { a: 1, b: undefined, c: { d: [1] } }, none: {} };
    expect([...jsonPieces(value, 1)].join('')).toBe(JSON.stringify(value));
  });

  it('gives a large object field in pieces of the entries asked', () => {
    const pages = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, [i]]));
    const pieces = [...jsonPieces({ fingerprint: 'x', pages }, 4)];
    expect(pieces.filter((p) => /"p\d"/.test(p)).length).toBe(3);
  });
});
