import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';

let app: TestStrapi;
let published: string;
let draftOnly: string;
let embargoed: string;

const get = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  app = await startStrapi({ listen: true });
  published = await createRelease(app.strapi, { sq: 'Listuar shqip', en: 'Listed english', 'sr-Latn': 'Nacrt' }, [
    'sq',
    'en',
  ]);
  draftOnly = await createRelease(app.strapi, { sq: 'Vetëm draft' });
  embargoed = await createRelease(app.strapi, { en: 'Embargoed' }, ['en'], {
    embargoUntil: new Date(Date.now() + 86_400_000).toISOString(),
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('the build listing', () => {
  it('lists each published translation with the updatedAt the public API gives its body', async () => {
    const { status, body } = await get('/api/newsroom/listing/releases');
    expect(status).toBe(200);
    const all = Object.values(body.data).flat() as Array<[string, string]>;
    expect(all.map(([id]) => id)).not.toContain(draftOnly);
    expect(all.map(([id]) => id)).not.toContain(embargoed);
    expect(Object.keys(body.data).sort()).toEqual(['en', 'sq']);
    for (const locale of ['sq', 'en']) {
      const rest = await get(`/api/releases?locale=${locale}&filters[documentId][$eq]=${published}`);
      expect(body.data[locale]).toEqual([[published, rest.body.data[0].updatedAt]]);
    }
  });

  it('lists a type without translations under one key', async () => {
    const gone = await createRelease(app.strapi, { en: 'Soon retired' }, ['en']);
    await app.strapi.documents('api::release.release').unpublish({ documentId: gone, locale: 'en' });
    const { body } = await get('/api/newsroom/listing/retired-pages');
    expect(Object.keys(body.data)).toEqual(['']);
    expect(body.data['']).toHaveLength(1);
  });

  it('answers 404 for a type the public may not read', async () => {
    const { status, body } = await get('/api/newsroom/listing/document-requests');
    expect(status).toBe(404);
    expect(body.error.message).toBe('No public content type "document-requests"');
  });
});
