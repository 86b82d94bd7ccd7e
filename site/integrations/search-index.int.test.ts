import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileOfAddress, type IncrementalState, type SearchPlace } from '../src/lib/incremental';
import { itemPath } from '../src/lib/routes';
import type { TypeChanges } from '../src/loaders/changes';
import { indexKeptPagesEarly } from './search-early';
import { indexPagesAsTheyRender } from './search-stream';
import type { BuildSession } from '../src/lib/build-session';
import { addPages, indexSearch, newIndex, type SearchInput } from './search-index';

/** Real Pagefind, on item pages as the site writes them: a search body, a language, a date to sort by. */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-search-index-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const page = (title: string, words: string, date: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article data-pagefind-body>` +
  `<span hidden data-pagefind-sort="date:${date}"></span><h1>${title}</h1><p>${words}</p></article></body></html>`;

const write = (dir: string, files: Record<string, string>) => {
  for (const [rel, html] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), html);
  }
};

/** Every file of a folder and its bytes. */
const bytesOf = (dir: string) =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
  );

/** Pages where the site writes them: a's, b's and c's release pages. */
const [A, B, C] = ['a', 'b', 'c'].map((slug) => fileOfAddress(itemPath('release', 'en', slug)));
const LIVE = {
  [A]: page('Harbour', 'the harbour reopens', '2026-03-01'),
  [B]: page('Budget', 'the budget is adopted', '2026-04-01'),
  [C]: page('Roads', 'roads are repaired', '2025-05-01'),
};
const LIVE_SEARCH: Record<string, SearchPlace> = {
  [A]: ['en-2026', '2026-03-01'],
  [B]: ['en-2026', '2026-04-01'],
  [C]: ['en-2025', '2025-05-01'],
};

/**
 * A publish from a live build of pages a, b and c: the pages it rendered (in `rendered`, with
 * their places in search) and the live build's pages it removed.
 */
function publish(name: string, rendered: Record<string, [html: string, date: string]>, removed: string[] = []) {
  const base = path.join(work, name, 'live');
  const out = path.join(work, name, 'out');
  write(base, LIVE);
  write(out, Object.fromEntries(Object.entries(rendered).map(([rel, [html]]) => [rel, html])));
  const search = { ...LIVE_SEARCH };
  for (const rel of removed) delete search[rel];
  for (const [rel, [, date]] of Object.entries(rendered)) search[rel] = [`en-${date.slice(0, 4)}`, date];
  const fresh = new Set(Object.keys(rendered));
  const pageFile = (rel: string) => path.join(fresh.has(rel) ? out : base, rel);
  return { base, out, input: { search, pageFile, rendered: fresh, carriedBundles: new Set(['en-2025']) } };
}

/** A full build of pages a, b and c: every page rendered, no bundle carried. */
function fullBuild(name: string) {
  const out = path.join(work, name, 'out');
  write(out, LIVE);
  const input: SearchInput = {
    search: structuredClone(LIVE_SEARCH),
    pageFile: (rel) => path.join(out, rel),
    rendered: new Set(Object.keys(LIVE)),
    carriedBundles: new Set(),
  };
  return { out, input };
}
/** `en/a/index.html` → `/en/a/`: the address a page renders at. */
const addressOf = (rel: string) => `/${rel.replace(/index\.html$/, '')}`;

/** What the incremental build knows once the loaders ran: the live build and its manifest. */
const state = (base: string) =>
  ({
    base,
    manifest: { search: structuredClone(LIVE_SEARCH) } as unknown as IncrementalState['manifest'],
  }) as IncrementalState;

/** A release of the loaders' changes: absent before, published now, dated `issuedAt`. */
const releaseDated = (issuedAt: string, slug = 'new'): Record<string, TypeChanges> => ({
  release: { changes: [{ id: '1', before: null, after: { documentId: 'x', locale: 'en', slug, issuedAt } }] },
});

/** The bundle the same pages make, indexed afresh with nothing started early. */
async function indexedAfresh(out: string, input: SearchInput) {
  const again = `${out}-afresh`;
  fs.mkdirSync(again, { recursive: true });
  await indexSearch(again, { ...input }, undefined);
  return bytesOf(path.join(again, 'pagefind', 'en-2026'));
}

const BUDGET_WITHDRAWN = page('Budget', 'the budget is withdrawn', '2026-04-01');
const NEW = page('Ferry', 'a new ferry line', '2026-11-30');

describe('the search index of a publish', () => {
  it('indexes a bundle’s pages while the pages render, then gives it the pages rendered again and the new ones', async () => {
    const { base, out, input } = publish('early', {
      [B]: [BUDGET_WITHDRAWN, '2026-04-01'],
      'en/new/index.html': [NEW, '2026-11-30'],
    });
    const early = indexKeptPagesEarly(state(base), releaseDated('2026-11-30T09:00:00.000Z'));
    expect([...early.keys()]).toEqual(['en-2026']);
    expect((await early.get('en-2026'))?.pages).toEqual([A, B]);
    const { report } = await indexSearch(out, { ...input, early }, undefined);
    expect(report.early).toEqual({ started: ['en-2026'], used: ['en-2026'] });
    expect(report.bundles).toEqual(['en-2026']);
    expect(bytesOf(path.join(out, 'pagefind', 'en-2026'))).toEqual(await indexedAfresh(out, input));
  });

  it('indexes a bundle afresh when a new page comes before the pages it was given early', async () => {
    const { base, out, input } = publish('new-in-between', {
      'en/new/index.html': [NEW.replace('2026-11-30', '2026-01-15'), '2026-01-15'],
    });
    const early = indexKeptPagesEarly(state(base), releaseDated('2026-01-15T09:00:00.000Z'));
    const { report } = await indexSearch(out, { ...input, early }, undefined);
    expect(report.early).toEqual({ started: ['en-2026'], used: [] });
    expect(bytesOf(path.join(out, 'pagefind', 'en-2026'))).toEqual(await indexedAfresh(out, input));
  });

  it('indexes a bundle afresh when a page it was given early is gone after all', async () => {
    const { base, out, input } = publish('gone', {}, [A]);
    // Nothing known before the render says the harbour's page goes: it is given early.
    const early = indexKeptPagesEarly(state(base), releaseDated('2026-11-30T09:00:00.000Z'));
    expect((await early.get('en-2026'))?.pages).toEqual([A, B]);
    const { report } = await indexSearch(out, { ...input, early }, undefined);
    expect(report.early).toEqual({ started: ['en-2026'], used: [] });
    expect(bytesOf(path.join(out, 'pagefind', 'en-2026'))).toEqual(await indexedAfresh(out, input));
  });

  it('gives Pagefind the pages in the bundle’s order however their reads end', async () => {
    const { out, input } = publish('reads', { 'en/new/index.html': [NEW, '2026-11-30'] });
    // The first page's read ends last.
    const pageFile = (rel: string) => input.pageFile(rel);
    const slow = (rel: string) =>
      new Promise<string>((resolve) =>
        setTimeout(() => resolve(fs.readFileSync(pageFile(rel), 'utf8')), rel === A ? 50 : 0),
      );
    const index = await newIndex();
    await addPages(index, [A, B, 'en/new/index.html'], slow);
    await index.writeFiles({ outputPath: path.join(out, 'by-hand') });
    await index.deleteIndex();
    expect(bytesOf(path.join(out, 'by-hand'))).toEqual(await indexedAfresh(out, input));
  });

  it('gives no page early of an entry that goes or moves', async () => {
    const { base } = publish('leaving', {});
    const changes: Record<string, TypeChanges> = {
      release: {
        changes: [
          {
            id: '1',
            before: { documentId: 'a', locale: 'en', slug: 'a', issuedAt: '2026-03-01T09:00:00.000Z' },
            after: null,
          },
          {
            id: '2',
            before: { documentId: 'b', locale: 'en', slug: 'b', issuedAt: '2026-04-01T09:00:00.000Z' },
            after: { documentId: 'b', locale: 'en', slug: 'b', issuedAt: '2026-05-01T09:00:00.000Z' },
          },
        ],
      },
    };
    const early = indexKeptPagesEarly(state(base), changes);
    expect([...early.keys()]).toEqual([]);
  });

  it('guesses nothing from an entry without a language or an address', async () => {
    const { base } = publish('no-address', {});
    const changes: Record<string, TypeChanges> = {
      release: {
        changes: [
          { id: '1', before: null, after: { documentId: 'x', issuedAt: '2025-02-01T09:00:00.000Z', slug: 'x' } },
          { id: '2', before: null, after: { documentId: 'y', locale: 'en', issuedAt: '2025-02-01T09:00:00.000Z' } },
        ],
      },
    };
    const early = indexKeptPagesEarly(state(base), changes);
    expect([...early.keys()]).toEqual([]);
  });

  it('indexes a full build’s item pages as they render, in their bundles’ order, into the bundles indexing them afresh makes', async () => {
    const { out, input } = fullBuild('streamed');
    const session = {} as BuildSession;
    const streaming = indexPagesAsTheyRender(session);
    // In bundle order (by date, then file), as a full build renders them; a page without a search body is let be.
    for (const rel of [C, A, B]) session.pageRendered?.(addressOf(rel), Buffer.from(LIVE[rel]));
    session.pageRendered?.('/en/', Buffer.from('<!doctype html><html lang="en"><body>home</body></html>'));
    const early = streaming.finish();
    expect(session.pageRendered).toBeUndefined();
    expect([...early.keys()].sort()).toEqual(['en-2025', 'en-2026']);
    const { report } = await indexSearch(out, { ...input, early }, undefined);
    expect(report.early?.used.sort()).toEqual(['en-2025', 'en-2026']);
    expect(report.pagesIndexed).toBe(3);
    expect(bytesOf(path.join(out, 'pagefind', 'en-2026'))).toEqual(await indexedAfresh(out, input));
  });

  it('indexes a bundle afresh when its pages rendered in another order', async () => {
    const { out, input } = fullBuild('out-of-order');
    const session = {} as BuildSession;
    const streaming = indexPagesAsTheyRender(session);
    for (const rel of [B, A, C]) session.pageRendered?.(addressOf(rel), Buffer.from(LIVE[rel]));
    const { report } = await indexSearch(out, { ...input, early: streaming.finish() }, undefined);
    expect(report.early?.used).toEqual(['en-2025']);
    expect(bytesOf(path.join(out, 'pagefind', 'en-2026'))).toEqual(await indexedAfresh(out, input));
  });

  it('starts nothing when the build has no live build to start from', () => {
    const early = indexKeptPagesEarly({}, releaseDated('2026-06-01T09:00:00.000Z'));
    expect(early.size).toBe(0);
  });
});
