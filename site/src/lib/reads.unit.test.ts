import testPlan from '../../test/build-plan';
import { beforeEach, describe, expect, it } from 'vitest';
import { startBuildSession } from './build-session';
import { answerDigest, digestOf, readingFor, recorded, scopeOf, type PageReads } from './reads';

/** The content the queries below answer from; a test changes it as a publish would. */
let store: Record<string, Array<{ documentId: string; locale: string; title: string; tags: string[] }>>;

const list = recorded('test:list', (type: string, locale: string) =>
  Promise.resolve((store[type] ?? []).filter((e) => e.locale === locale)),
);
const tagged = recorded('test:tagged', async (type: string, locale: string, tag: string) =>
  (await list(type, locale)).filter((e) => e.tags.includes(tag)),
);

const one = recorded(
  'test:one',
  (type: string, documentId: string) => Promise.resolve((store[type] ?? []).filter((e) => e.documentId === documentId)),
  { documents: 1 },
);
const some = recorded(
  'test:some',
  (type: string, locale: string, ids: string[]) =>
    Promise.resolve((store[type] ?? []).filter((e) => e.locale === locale && ids.includes(e.documentId))),
  { documents: 2 },
);

/** Each build starts with a fresh scope (integrations/newsroom.ts). */
const newBuild = () => {
  startBuildSession(testPlan);
};

async function render(read: () => Promise<unknown>): Promise<Map<string, string>> {
  const page: PageReads = { reads: new Map() };
  await readingFor(page, async () => {
    await read();
  });
  return page.reads;
}

beforeEach(() => {
  store = {
    release: [
      { documentId: 'a', locale: 'en', title: 'A', tags: ['water'] },
      { documentId: 'b', locale: 'en', title: 'B', tags: ['roads'] },
    ],
  };
  newBuild();
});

describe('the reads a page records', () => {
  it('notes the queries a page asks, not the ones those queries ask in turn', async () => {
    const reads = await render(() => tagged('release', 'en', 'water'));
    expect([...reads.keys()]).toEqual(['["test:tagged","release","en","water"]']);
  });

  it('notes nothing outside a page', async () => {
    await tagged('release', 'en', 'water');
    const reads = await render(() => Promise.resolve());
    expect(reads.size).toBe(0);
  });

  it('answers a recorded key again in the next build, otherwise only when what it selects changed', async () => {
    const reads = await render(() => tagged('release', 'en', 'water'));
    const [[key, digest]] = [...reads];
    newBuild();
    store.release[1] = { ...store.release[1], title: 'B, renamed' };
    expect(await answerDigest(key)).toBe(digest);
    newBuild();
    store.release.push({ documentId: 'c', locale: 'en', title: 'C', tags: ['water'] });
    expect(await answerDigest(key)).not.toBe(digest);
  });

  it('names the documents a query selects when its definition says which argument holds them, and none otherwise', async () => {
    const reads = await render(async () => {
      await one('release', 'a');
      await some('release', 'en', ['a', 'b']);
      await tagged('release', 'en', 'water');
    });
    expect([...reads.keys()].map(scopeOf)).toEqual([
      { type: 'release', documents: ['a'] },
      { type: 'release', documents: ['a', 'b'] },
      { type: 'release', documents: null },
    ]);
  });

  it('refuses a key no query answers, rather than keep a page it cannot check', async () => {
    await expect(answerDigest('["test:gone","release"]')).rejects.toThrow(/No content query is named test:gone/);
  });

  it('refuses two queries of one name', () => {
    expect(() => recorded('test:list', () => Promise.resolve(1))).toThrow(/Two content queries/);
  });
});

describe('the digest of an answer', () => {
  it('is the same for equal content in other objects, and differs with any change, in entries or in order', () => {
    const entry = { documentId: 'a', locale: 'en', title: 'A' };
    const same = { documentId: 'a', locale: 'en', title: 'A' };
    expect(digestOf([entry])).toBe(digestOf([same]));
    expect(digestOf(new Map([['en', entry]]))).toBe(digestOf(new Map([['en', same]])));
    expect(digestOf([{ ...entry, title: 'B' }])).not.toBe(digestOf([entry]));
    const other = { documentId: 'b', locale: 'en', title: 'B' };
    expect(digestOf([entry, other])).not.toBe(digestOf([other, entry]));
    expect(digestOf({ type: 'release', entry })).not.toBe(digestOf({ type: 'speech', entry }));
    expect(digestOf([])).not.toBe(digestOf(new Map()));
    expect(digestOf(null)).not.toBe(digestOf('null'));
  });
});
