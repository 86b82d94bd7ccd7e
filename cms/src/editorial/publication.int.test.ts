import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';

const RELEASE = 'api::release.release';
const RETIRED = 'api::retired-page.retired-page';
let app: TestStrapi;

const docs = () => app.strapi.documents(RELEASE);
const retiredFor = (documentId: string) =>
  app.strapi.db.query(RETIRED).findMany({ where: { itemDocumentId: documentId } }) as Promise<any[]>;
const note = (date: string, text: string) => ({ date, text });

beforeAll(async () => {
  app = await startStrapi({ listen: true });
});

afterAll(async () => {
  await app?.stop();
});

describe('corrections in public', () => {
  it('publishes a change note with a major change, and keeps the first publication date', async () => {
    const id = await createRelease(app.strapi, { en: 'Budget figures' }, ['en']);
    const [first] = await docs().findMany({ filters: { documentId: id }, locale: 'en', status: 'published' });
    await docs().update({
      documentId: id,
      locale: 'en',
      data: {
        summary: 'Corrected figure: 4.2%',
        changeNotes: [note('2026-11-21', 'Corrected the growth figure.')],
      } as never,
    });
    await docs().publish({ documentId: id, locale: 'en' });
    const [second] = await docs().findMany({
      filters: { documentId: id },
      locale: 'en',
      status: 'published',
      populate: ['changeNotes'],
    });
    expect(second.firstPublishedAt).toBe(first.firstPublishedAt);
    expect(second.changeNotes.map((n: { text: string }) => n.text)).toEqual(['Corrected the growth figure.']);
  });

  it('refuses to publish when a published change note was removed or reworded', async () => {
    const id = await createRelease(app.strapi, { en: 'Noted' }, []);
    await docs().update({
      documentId: id,
      locale: 'en',
      data: { changeNotes: [note('2026-11-20', 'First correction.')] } as never,
    });
    await docs().publish({ documentId: id, locale: 'en' });
    await docs().update({
      documentId: id,
      locale: 'en',
      data: { changeNotes: [note('2026-11-20', 'Quietly reworded.')] } as never,
    });
    await expect(docs().publish({ documentId: id, locale: 'en' })).rejects.toMatchObject({
      message: 'A published change note cannot be removed or edited. Add a new note instead.',
      details: { locale: 'en', date: '2026-11-20', text: 'First correction.' },
    });
    await docs().update({ documentId: id, locale: 'en', data: { changeNotes: [] } as never });
    await expect(docs().publish({ documentId: id, locale: 'en' })).rejects.toThrow(/cannot be removed/);
  });

  it('refuses a change note dated in the future', async () => {
    const id = await createRelease(app.strapi, { en: 'From the future' }, []);
    await docs().update({
      documentId: id,
      locale: 'en',
      data: { changeNotes: [note('2999-01-01', 'Not yet.')] } as never,
    });
    await expect(docs().publish({ documentId: id, locale: 'en' })).rejects.toMatchObject({
      message: 'A change note cannot be dated in the future.',
      details: { locale: 'en', date: '2999-01-01' },
    });
  });
});

describe('unpublishing and retired pages', () => {
  it('records the address of an unpublished item as gone (410), per locale', async () => {
    const id = await createRelease(app.strapi, { sq: 'Gabim', en: 'Published in error' }, ['sq', 'en']);
    await docs().unpublish({ documentId: id, locale: 'en' });
    const rows = await retiredFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      contentType: 'release',
      pageLocale: 'en',
      slug: 'published-in-error',
      reason: 'published-in-error',
      redirectTo: null,
    });
    const { body } = await (
      await fetch(`${app.url}/api/retired-pages?filters[itemDocumentId][$eq]=${id}`)
    )
      .json()
      .then((b) => ({ body: b as any }));
    expect(body.data.map((r: { slug: string }) => r.slug)).toEqual(['published-in-error']);
  });

  it('records every published locale of a deleted item', async () => {
    const id = await createRelease(app.strapi, { sq: 'E fshirë', en: 'Deleted' }, ['sq', 'en']);
    await docs().delete({ documentId: id, locale: '*' });
    expect((await retiredFor(id)).map((r) => r.pageLocale).sort()).toEqual(['en', 'sq']);
  });

  it('gives the address back when the item is published again', async () => {
    const id = await createRelease(app.strapi, { en: 'Back again' }, ['en']);
    await docs().unpublish({ documentId: id, locale: 'en' });
    expect(await retiredFor(id)).toHaveLength(1);
    await docs().publish({ documentId: id, locale: 'en' });
    expect(await retiredFor(id)).toHaveLength(0);
  });

  it('redirects a consolidated item only to an address on this site', async () => {
    const id = await createRelease(app.strapi, { en: 'Merged away' }, ['en']);
    await docs().unpublish({ documentId: id, locale: 'en' });
    const [row] = await retiredFor(id);
    const retired = app.strapi.documents(RETIRED);
    await expect(
      retired.update({ documentId: row.documentId, data: { reason: 'consolidated' } as never }),
    ).rejects.toThrow(/needs “Redirect to”/);
    const serverConfiguration = [
      '/en/press-releases/$host/',
      '/en/a"b/',
      '/en/a;b/',
      '/en/a\nreturn 200 x;/',
      '/en/a{b}/',
      '/en/a b/',
      `/en/${'x'.repeat(320)}/`,
    ];
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/de/x/',
      '/en/../admin',
      'en/x/',
      ...serverConfiguration,
    ]) {
      await expect(
        retired.update({ documentId: row.documentId, data: { reason: 'consolidated', redirectTo: bad } as never }),
        bad,
      ).rejects.toMatchObject({
        message: expect.stringMatching(/must be an address on this site/),
        details: { redirectTo: bad.trim() },
      });
    }
    await retired.update({
      documentId: row.documentId,
      data: { reason: 'consolidated', redirectTo: '/en/press-releases/the-merged-one/' } as never,
    });
    expect((await retiredFor(id))[0]).toMatchObject({
      reason: 'consolidated',
      redirectTo: '/en/press-releases/the-merged-one/',
    });
  });
});
