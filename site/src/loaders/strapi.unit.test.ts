import testPlan from '../../test/build-plan';
import { describe, expect, it } from 'vitest';
import { strapiLoader } from './strapi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getJson } from './cms-client';
import { pathToFileURL } from 'node:url';
import { buildSession, startBuildSession } from '../lib/build-session';
import { entriesDir, openEntryStore } from './entry-store';

/** A fake CMS: `docs[locale]` are the published entries; it records every request. */
function fakeCms(docs: Record<string, Array<{ documentId: string; updatedAt: string; title: string }>>) {
  const requests: string[] = [];
  const fetchImpl = ((input: string) => {
    requests.push(input);
    const url = new URL(input);
    if (url.pathname === '/api/newsroom/listing/releases') {
      const data = Object.fromEntries(
        Object.entries(docs).map(([l, list]) => [l, list.map((d) => [d.documentId, d.updatedAt])]),
      );
      return Promise.resolve(new Response(JSON.stringify({ data }), { status: 200 }));
    }
    const locale = url.searchParams.get('locale')!;
    const page = Number(url.searchParams.get('pagination[page]'));
    const ids = [...url.searchParams.entries()]
      .filter(([k]) => k.startsWith('filters[documentId][$in]'))
      .map(([, v]) => v);
    const data = (docs[locale] ?? []).filter((d) => ids.length === 0 || ids.includes(d.documentId));
    const pageSize = 100;
    const body = {
      data: data.slice((page - 1) * pageSize, page * pageSize),
      meta: { pagination: { page, pageCount: Math.max(1, Math.ceil(data.length / pageSize)), total: data.length } },
    };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  }) as unknown as typeof fetch;
  return { requests, fetchImpl };
}

/** A loader context whose cache folder is a fresh temporary one; `entries()` reads what the loader kept. */
function fakeStore() {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loader-'));
  const astro = new Map<string, unknown>();
  return {
    entries: () => {
      const store = openEntryStore(entriesDir(cacheDir), 'release');
      return new Map(store.keys().map((id) => [id, store.get(id)!]));
    },
    context: {
      store: {
        clear: () => astro.clear(),
        set: (e: { id: string }) => astro.set(e.id, e),
        keys: () => [...astro.keys()],
      },
      config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
      logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
    } as never,
  };
}

const doc = (documentId: string, updatedAt = '2026-11-01T00:00:00.000Z') => ({
  documentId,
  updatedAt,
  title: `Title ${documentId}`,
});
const bodyRequests = (requests: string[]) => requests.filter((r) => r.includes('filters%5BdocumentId%5D'));

describe('the Strapi loader', () => {
  it('loads every published entry of every locale, keyed by locale and documentId', async () => {
    const cms = fakeCms({ sq: [doc('a'), doc('b')], en: [doc('a')] });
    const { entries, context } = fakeStore();
    await strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl }).load(context);
    expect([...entries().keys()].sort()).toEqual(['en:a', 'sq:a', 'sq:b']);
    expect(entries().get('sq:b')?.data.title).toBe('Title b');
  });

  it('fetches no entry body when nothing changed', async () => {
    const cms = fakeCms({ sq: [doc('a'), doc('b')], en: [doc('a')] });
    const { context } = fakeStore();
    const loader = strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl });
    await loader.load(context);
    cms.requests.length = 0;
    await loader.load(context);
    expect(bodyRequests(cms.requests)).toEqual([]);
  });

  it('refetches only what changed, and drops what was unpublished or deleted', async () => {
    const data = { sq: [doc('a'), doc('b'), doc('c')], en: [doc('a')] };
    const cms = fakeCms(data);
    const { entries, context } = fakeStore();
    const loader = strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl });
    await loader.load(context);
    data.sq = [doc('a'), doc('b', '2026-11-02T00:00:00.000Z')];
    data.en = [];
    cms.requests.length = 0;
    await loader.load(context);
    expect([...entries().keys()].sort()).toEqual(['sq:a', 'sq:b']);
    const bodies = bodyRequests(cms.requests);
    expect(bodies).toHaveLength(1);
    expect(decodeURIComponent(bodies[0])).toContain('filters[documentId][$in][0]=b');
    expect(decodeURIComponent(bodies[0])).not.toContain('=a');
  });

  it('refetches everything when told to (after a media change)', async () => {
    const cms = fakeCms({ sq: [doc('a'), doc('b')] });
    const { context } = fakeStore();
    await strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl }).load(context);
    cms.requests.length = 0;
    await strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl, refetch: 'all' }).load(context);
    expect(decodeURIComponent(bodyRequests(cms.requests).join())).toMatch(/\$in\]\[0\]=a.*\$in\]\[1\]=b/);
  });

  it('lists a type in one request and fetches bodies a hundred at a time', async () => {
    const many = Array.from({ length: 250 }, (_, i) => doc(`d${i}`));
    const cms = fakeCms({ sq: many });
    const { entries, context } = fakeStore();
    await strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl }).load(context);
    expect(entries().size).toBe(250);
    expect(cms.requests.filter((r) => r.includes('/listing/'))).toEqual(['http://cms/api/newsroom/listing/releases']);
    expect(bodyRequests(cms.requests)).toHaveLength(3);
  });

  it('asks the CMS nothing for a type no event named, and reports the listing its entries were synced with', async () => {
    const data = { sq: [doc('a'), doc('b')], en: [doc('a')] };
    const cms = fakeCms(data);
    const { context, entries } = fakeStore();
    const load = (changedTypes?: Array<'release' | 'tag'>) => {
      startBuildSession(testPlan);
      return strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl, changedTypes }).load(context);
    };
    await load(['tag']);
    // A type never synced is synced, whatever the events named.
    expect(entries().size).toBe(3);
    const synced = buildSession().loaders.release;
    data.sq = [doc('a')];
    cms.requests.length = 0;
    await load(['tag']);
    expect(cms.requests).toEqual([]);
    expect(buildSession().loaders.release).toEqual({ ...synced, fetched: 0, removed: 0 });
    expect(buildSession().changes.release).toEqual({ changes: [] });
    expect(entries().size).toBe(3);
    await load(['release', 'tag']);
    expect(buildSession().loaders.release).toMatchObject({ listed: 2, removed: 1 });
    expect(buildSession().loaders.release.digest).not.toBe(synced.digest);
    expect(entries().size).toBe(2);
  });

  it('records what each sync changed, with the entry before and after', async () => {
    const data = { sq: [doc('a'), doc('b')], en: [doc('a')] };
    const cms = fakeCms(data);
    const { context } = fakeStore();
    const loader = strapiLoader('release', 'http://cms', { fetchImpl: cms.fetchImpl });
    startBuildSession(testPlan);
    await loader.load(context);
    expect(buildSession().changes).toEqual({ release: { unknown: true } });
    startBuildSession(testPlan);
    data.sq = [doc('a'), { ...doc('b', '2026-11-02T00:00:00.000Z'), title: 'New title' }];
    data.en = [];
    await loader.load(context);
    expect(buildSession().loaders.release).toMatchObject({ listed: 2, fetched: 1, removed: 1 });
    const { changes } = buildSession().changes.release as {
      changes: Array<{ id: string; before: { title?: string } | null; after: { title?: string } | null }>;
    };
    expect(changes.map((c) => [c.id, c.before?.title ?? null, c.after?.title ?? null])).toEqual([
      ['sq:b', 'Title b', 'New title'],
      ['en:a', 'Title a', null],
    ]);
  });

  it('starts afresh when pointed at another CMS', async () => {
    const { entries, context } = fakeStore();
    await strapiLoader('release', 'http://one', { fetchImpl: fakeCms({ sq: [doc('a')] }).fetchImpl }).load(context);
    await strapiLoader('release', 'http://two', { fetchImpl: fakeCms({ sq: [doc('z')] }).fetchImpl }).load(context);
    expect([...entries().keys()]).toEqual(['sq:z']);
  });
});

describe('the CMS client', () => {
  it('names the URL when the CMS cannot be reached', async () => {
    const failing = (() =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      )) as unknown as typeof fetch;
    await expect(getJson('http://127.0.0.1:9/api/releases', failing)).rejects.toThrow(
      /Could not reach the CMS at http:\/\/127.0.0.1:9\/api\/releases \(ECONNREFUSED\)/,
    );
  });

  it('tries again when the CMS closed a kept-alive connection as it was reused', async () => {
    let calls = 0;
    const flaky = (() => {
      calls += 1;
      if (calls === 1)
        return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } }));
      return Promise.resolve(new Response(JSON.stringify({ ok: true }), { status: 200 }));
    }) as unknown as typeof fetch;
    await expect(getJson('http://cms/api/x', flaky)).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('names the URL and the CMS’s message when it answers an error', async () => {
    const erroring = (() =>
      Promise.resolve(
        new Response(JSON.stringify({ error: { message: 'Forbidden' } }), { status: 403 }),
      )) as unknown as typeof fetch;
    await expect(getJson('http://cms/api/releases', erroring)).rejects.toThrow(
      'The CMS answered 403 for http://cms/api/releases: Forbidden',
    );
    const html = (() => Promise.resolve(new Response('<html>', { status: 200 }))) as unknown as typeof fetch;
    await expect(getJson('http://cms/api/x', html)).rejects.toThrow(/not JSON/);
  });
});
