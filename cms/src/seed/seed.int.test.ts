import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES, LOCALE_CODES, type Locale } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { seedDemo } from './index';

let app: TestStrapi;

const uids = Object.values(CONTENT_TYPES)
  .filter((t) => t.publicRead)
  .map((t) => t.uid);

/** Every row of every public type and every file: what "changes nothing" is checked against. */
async function snapshot() {
  const rows: Record<string, unknown[]> = {};
  for (const uid of uids) {
    rows[uid] = await app.strapi.db
      .query(uid)
      .findMany({ select: ['documentId', 'locale', 'publishedAt', 'updatedAt'], orderBy: { id: 'asc' } });
  }
  rows.files = await app.strapi.db
    .query('plugin::upload.file')
    .findMany({ select: ['hash', 'updatedAt'], orderBy: { id: 'asc' } });
  return rows;
}

const published = (uid: string, locale: Locale, populate?: unknown) =>
  app.strapi
    .documents(uid as never)
    .findMany({ locale, status: 'published', populate, limit: 500 } as never) as Promise<Array<Record<string, any>>>;

beforeAll(async () => {
  app = await startStrapi();
  await seedDemo(app.strapi);
});

afterAll(async () => {
  await app?.stop();
});

describe('the demo seed', () => {
  it('publishes at least the promised content in Albanian', async () => {
    const minimum: Array<[string, number]> = [
      [CONTENT_TYPES.release.uid, 12],
      [CONTENT_TYPES.speech.uid, 4],
      [CONTENT_TYPES.statement.uid, 4],
      [CONTENT_TYPES.decision.uid, 8],
      [CONTENT_TYPES.gallery.uid, 3],
      [CONTENT_TYPES.campaign.uid, 2],
      [CONTENT_TYPES.agendaItem.uid, 7],
      [CONTENT_TYPES.person.uid, 3],
      [CONTENT_TYPES.page.uid, 5],
    ];
    for (const [uid, count] of minimum) expect((await published(uid, 'sq')).length, uid).toBeGreaterThanOrEqual(count);
  });

  it('has content in all three languages, with a few translations missing', async () => {
    const counts = Object.fromEntries(
      await Promise.all(LOCALE_CODES.map(async (l) => [l, (await published(CONTENT_TYPES.release.uid, l)).length])),
    );
    for (const locale of LOCALE_CODES) expect(counts[locale], locale).toBeGreaterThanOrEqual(10);
    expect(counts['sr-Latn']).toBeLessThan(counts.sq);
    expect(counts.en).toBeLessThan(counts.sq);
  });

  it('leaves some entries and some translations as drafts', async () => {
    const drafts = await app.strapi
      .documents(CONTENT_TYPES.release.uid)
      .findMany({ locale: 'sq', status: 'draft', limit: 500 });
    const live = await published(CONTENT_TYPES.release.uid, 'sq');
    expect(drafts.length).toBeGreaterThan(live.length);
    const draftOnlySr = await app.strapi.db
      .query(CONTENT_TYPES.release.uid)
      .findMany({ where: { locale: 'sr-Latn' }, select: ['documentId', 'publishedAt'] });
    const srPublished = new Set(draftOnlySr.filter((r: any) => r.publishedAt).map((r: any) => r.documentId));
    const srDraftsOnly = draftOnlySr.filter((r: any) => !r.publishedAt && !srPublished.has(r.documentId));
    expect(srDraftsOnly.length).toBeGreaterThan(0);
  });

  it('gives every decision a PDF, and every gallery six photos or more with alt text and credit', async () => {
    for (const decision of await published(CONTENT_TYPES.decision.uid, 'sq', ['documents'])) {
      expect(decision.documents.map((d: { mime: string }) => d.mime)).toContain('application/pdf');
    }
    const galleries = await published(CONTENT_TYPES.gallery.uid, 'en', {
      items: { on: { 'media.photo': { populate: ['image'] }, 'media.video': true } },
    });
    for (const gallery of galleries) {
      const photos = gallery.items.filter((i: { __component: string }) => i.__component === 'media.photo');
      expect(photos.length).toBeGreaterThanOrEqual(6);
      for (const photo of photos) {
        expect(photo.alt).toBeTruthy();
        expect(photo.credit).toBeTruthy();
        expect(photo.image.mime).toBe('image/jpeg');
        expect(photo.image.width).toBe(1600);
      }
    }
  });

  it('fills a week of agenda with press conferences, and the PM with two deputies', async () => {
    const agenda = await published(CONTENT_TYPES.agendaItem.uid, 'sr-Latn');
    const days = new Set(agenda.map((a) => a.startsAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(5);
    expect(agenda.filter((a) => a.kind === 'press-conference').length).toBeGreaterThanOrEqual(2);
    const people = await published(CONTENT_TYPES.person.uid, 'en');
    expect(people.filter((p) => p.kind === 'prime-minister')).toHaveLength(1);
    expect(people.filter((p) => p.kind === 'deputy-prime-minister')).toHaveLength(2);
  });

  it('describes the office’s mandate and functions in every language', async () => {
    for (const locale of LOCALE_CODES) {
      const [mandate] = (await published(CONTENT_TYPES.page.uid, locale)).filter((p) => p.key === 'mandate');
      const list = mandate.body.find((b: { type: string }) => b.type === 'list');
      expect(list.children.length, locale).toBeGreaterThanOrEqual(10);
    }
  });

  it('links relations to the same-locale translation', async () => {
    const [release] = (await published(CONTENT_TYPES.release.uid, 'sr-Latn', ['people'])).filter(
      (r) => r.people.length > 0,
    );
    expect(release.people.every((p: { locale: string }) => p.locale === 'sr-Latn')).toBe(true);
  });

  it('changes nothing when it runs again', async () => {
    const before = await snapshot();
    await seedDemo(app.strapi);
    expect(await snapshot()).toEqual(before);
  });
});
