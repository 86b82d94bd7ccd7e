import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { releaseData } from '../../test/fixtures/release';

let app: TestStrapi;
const releases = () => app.strapi.documents('api::release.release');

beforeAll(async () => {
  app = await startStrapi();
});

afterAll(async () => {
  await app?.stop();
});

describe('slugs', () => {
  it('are made from the title on create, with Albanian and Serbian letters transliterated', async () => {
    const sq = await releases().create({
      locale: 'sq',
      data: releaseData('Qeveria miraton çmimin e ri të energjisë') as never,
    });
    expect(sq.slug).toBe('qeveria-miraton-cmimin-e-ri-te-energjise');
    const sr = await releases().create({ locale: 'sr-Latn', data: releaseData('Đorđe Čolić i Šćepan Žižić') as never });
    expect(sr.slug).toBe('djordje-colic-i-scepan-zizic');
  });

  it('are unique per type and locale', async () => {
    const first = await releases().create({ locale: 'en', data: releaseData('Budget day') as never });
    const second = await releases().create({ locale: 'en', data: releaseData('Budget day') as never });
    const otherLocale = await releases().create({ locale: 'sq', data: releaseData('Budget day') as never });
    const otherType = await app.strapi.documents('api::speech.speech').create({
      locale: 'en',
      data: { title: 'Budget day', body: releaseData('x').body, deliveredAt: '2026-11-20T10:00:00.000Z' } as never,
    });
    expect([first.slug, second.slug, otherLocale.slug, otherType.slug]).toEqual([
      'budget-day',
      'budget-day-2',
      'budget-day',
      'budget-day',
    ]);
  });

  it('gives a new translation its own slug from its own title', async () => {
    const created = await releases().create({ locale: 'sq', data: releaseData('Vizita në Prizren') as never });
    const en = await releases().update({
      documentId: created.documentId,
      locale: 'en',
      data: releaseData('Visit to Prizren') as never,
    });
    expect(en?.slug).toBe('visit-to-prizren');
  });

  it('keep an editor’s own slug, cleaned and made unique', async () => {
    const a = await releases().create({
      locale: 'en',
      data: releaseData('Anything', { slug: 'Special Page' }) as never,
    });
    const b = await releases().create({
      locale: 'en',
      data: releaseData('Anything else', { slug: 'special-page' }) as never,
    });
    expect([a.slug, b.slug]).toEqual(['special-page', 'special-page-2']);
  });

  it('do not change when the title of a published entry changes', async () => {
    const created = await releases().create({ locale: 'en', data: releaseData('Floods in the north') as never });
    await releases().publish({ documentId: created.documentId, locale: 'en' });
    const edited = await releases().update({
      documentId: created.documentId,
      locale: 'en',
      data: { title: 'Floods in the north: update' } as never,
    });
    expect(edited?.slug).toBe('floods-in-the-north');
    await releases().publish({ documentId: created.documentId, locale: 'en' });
    const live = await releases().findOne({ documentId: created.documentId, locale: 'en', status: 'published' });
    expect(live?.title).toBe('Floods in the north: update');
    expect(live?.slug).toBe('floods-in-the-north');
  });

  it('refuse, with a clear error, to change the slug of a published entry', async () => {
    const created = await releases().create({ locale: 'en', data: releaseData('Stable address') as never });
    await releases().publish({ documentId: created.documentId, locale: 'en' });
    await expect(
      releases().update({ documentId: created.documentId, locale: 'en', data: { slug: 'new-address' } as never }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/slug of a published entry cannot change/),
      details: { slug: 'stable-address', asked: 'new-address' },
    });
  });

  it('are set for every type with pages', async () => {
    const person = await app.strapi
      .documents('api::person.person')
      .create({ locale: 'sr-Latn', data: { name: 'Nenad Petrović', role: 'Potpredsednik' } as never });
    const tag = await app.strapi
      .documents('api::tag.tag')
      .create({ locale: 'sq', data: { name: 'Shëndetësia' } as never });
    expect([person.slug, tag.slug]).toEqual(['nenad-petrovic', 'shendetesia']);
  });
});
