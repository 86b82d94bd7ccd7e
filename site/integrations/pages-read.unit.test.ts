import { describe, expect, it } from 'vitest';
import type { IncrementalState, ManifestPages } from '../src/lib/incremental';
import { pagesRead, updatePagesRead } from './pages-read';

const reads = (...pairs: Array<[string, string]>) => new Map(pairs);
/** Each page's reads as key → digest, however the keys are numbered. */
const byKey = (record: ManifestPages) =>
  Object.fromEntries(
    Object.entries(record.pages).map(([rel, page]) => [
      rel,
      { props: page.props, reads: Object.fromEntries(page.reads.map((i) => [record.keys[i], record.digests[i]])) },
    ]),
  );

function live(): ManifestPages {
  return {
    keys: ['q:a', 'q:b', 'q:c'],
    digests: ['A1', 'B1', 'C1'],
    pages: {
      'en/a/index.html': { props: 'pa', reads: [0, 1] },
      'en/b/index.html': { props: 'pb', reads: [1] },
      'en/c/index.html': { props: 'pc', reads: [2] },
    },
    keysNumbered: 3,
  };
}

describe("the manifest's record of what pages read", () => {
  it('keeps what the live build recorded of a page this build did not render', () => {
    const state: IncrementalState = {
      manifest: { ...live(), fingerprint: '', files: {}, search: {}, bundles: [] },
      pages: new Map([
        ['en/b/index.html', { props: 'pb' }],
        ['en/a/index.html', { props: 'pa2', reads: reads(['q:a', 'A2'], ['q:d', 'D1']) }],
      ]),
    };
    const record = pagesRead(state, new Set(['en/a/index.html']));
    expect(record.keys).toEqual(['q:a', 'q:d', 'q:b']);
    expect(byKey(record)).toEqual({
      'en/a/index.html': { props: 'pa2', reads: { 'q:a': 'A2', 'q:d': 'D1' } },
      'en/b/index.html': { props: 'pb', reads: { 'q:b': 'B1' } },
    });
  });

  it('changes the live build’s record in place: pages rendered read anew, pages dropped gone, the others as they were', () => {
    const before = live();
    const state: IncrementalState = {
      pages: new Map([
        ['en/a/index.html', { props: 'pa2', reads: reads(['q:b', 'B2'], ['q:d', 'D1']) }],
        ['en/b/index.html', { props: 'pb' }],
        ['en/new/index.html', { props: 'pn', reads: reads(['q:d', 'D1']) }],
      ]),
    };
    const record = updatePagesRead(
      before,
      state,
      ['en/a/index.html', 'en/new/index.html', 'en/rss.xml'],
      ['en/c/index.html', '_astro/x.webp'],
    );
    expect(record.pages).toBe(before.pages);
    expect(byKey(record)).toEqual({
      'en/a/index.html': { props: 'pa2', reads: { 'q:b': 'B2', 'q:d': 'D1' } },
      'en/b/index.html': { props: 'pb', reads: { 'q:b': 'B2' } },
      'en/new/index.html': { props: 'pn', reads: { 'q:d': 'D1' } },
    });
    // Keys no page reads stay until they are many.
    expect(record.keys).toEqual(['q:a', 'q:b', 'q:c', 'q:d']);
  });

  it('answers only the record, not the rest of the manifest it was given', () => {
    const manifest = { ...live(), fingerprint: 'f', files: {}, search: {}, bundles: ['en-2026'] };
    expect(Object.keys(updatePagesRead(manifest, { pages: new Map() }, [], [])).sort()).toEqual([
      'digests',
      'keys',
      'keysNumbered',
      'pages',
    ]);
  });

  it('numbers the keys afresh once they are twice as many as when last numbered, without those no page reads', () => {
    let record = live();
    for (let i = 0; i < 4; i += 1) {
      const rel = 'en/a/index.html';
      const state: IncrementalState = {
        pages: new Map([[rel, { props: 'pa', reads: reads([`q:new${i}`, `N${i}`]) }]]),
      };
      record = updatePagesRead(record, state, [rel], []);
    }
    expect(record.keys).toEqual(['q:new3', 'q:b', 'q:c']);
    expect(record.keysNumbered).toBe(3);
    expect(byKey(record)['en/a/index.html'].reads).toEqual({ 'q:new3': 'N3' });
  });

  it('refuses a rendered page without its reads recorded', () => {
    const state: IncrementalState = { pages: new Map([['en/a/index.html', { props: 'pa' }]]) };
    expect(() => updatePagesRead(live(), state, ['en/a/index.html'], [])).toThrow(/without its reads recorded/);
  });
});
