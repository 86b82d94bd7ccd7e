import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';
import { runSchedule } from './schedule';

const RELEASE = 'api::release.release';
let app: TestStrapi;
let embargoed: string;
let lifted: string;
let campaign: string;
let person: string;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString();

const ids = (body: { data: unknown }) => {
  const data = body.data as Array<{ documentId: string }> | { documentId: string } | null;
  return data === null ? [] : (Array.isArray(data) ? data : [data]).map((d) => d.documentId);
};
const get = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  app = await startStrapi({ listen: true });
  // Published by mistake before its embargo: the public must not see it.
  embargoed = await createRelease(app.strapi, { sq: 'EMBARGO shqip', en: 'EMBARGO english' }, ['sq', 'en'], {
    embargoUntil: tomorrow,
  });
  lifted = await createRelease(app.strapi, { sq: 'Embargo e kaluar', en: 'Embargo over' }, ['sq', 'en'], {
    embargoUntil: new Date(Date.now() - 60_000).toISOString(),
  });
  const created = await app.strapi.documents('api::campaign.campaign').create({
    locale: 'en',
    data: {
      title: 'Campaign',
      tagline: 'Tagline',
      kind: 'awareness',
      startsOn: '2026-11-01',
      relatedReleases: [embargoed, lifted],
    } as never,
  });
  campaign = created.documentId;
  await app.strapi.documents('api::campaign.campaign').publish({ documentId: campaign, locale: 'en' });
  // A published person whose pending draft says something the public must not read yet.
  const people = app.strapi.documents('api::person.person');
  person = (
    await people.create({ locale: 'en', data: { name: 'Ana Public', role: 'Minister', kind: 'minister' } as never })
  ).documentId;
  await people.publish({ documentId: person, locale: 'en' });
  await people.update({ documentId: person, locale: 'en', data: { name: 'SECRETNAME Person' } as never });
  await app.strapi.documents(RELEASE).update({ documentId: lifted, locale: 'en', data: { people: [person] } as never });
  await app.strapi.documents(RELEASE).publish({ documentId: lifted, locale: 'en' });
});

afterAll(async () => {
  await app?.stop();
});

describe('an embargo', () => {
  it('keeps an item published by mistake out of the public API, however it is asked', async () => {
    const askings = [
      '/api/releases',
      '/api/releases?locale=en',
      '/api/releases?locale=sq',
      '/api/releases?locale=all',
      '/api/releases?status=draft&locale=en',
      '/api/releases?status=published',
      `/api/releases?filters[documentId][$eq]=${embargoed}`,
      '/api/releases?filters[title][$contains]=EMBARGO&locale=en',
      '/api/releases?populate=*&locale=en',
      '/api/releases?fields[0]=title&locale=en',
      `/api/releases?filters[$or][0][embargoUntil][$gt]=2000-01-01&filters[$or][1][embargoUntil][$null]=true&locale=en`,
    ];
    for (const path of askings) {
      const { status, body } = await get(path);
      expect(status, path).toBe(200);
      expect(ids(body), path).not.toContain(embargoed);
      expect(JSON.stringify(body), path).not.toContain('EMBARGO');
    }
    const count = await get('/api/releases?locale=en&pagination[withCount]=true');
    expect(count.body.meta.pagination.total).toBe(ids(count.body).length);
  });

  it('answers 404 by documentId, in every locale and status', async () => {
    for (const query of ['', '?locale=en', '?locale=sq', '?status=draft', '?status=draft&locale=en', '?populate=*']) {
      const { status } = await get(`/api/releases/${embargoed}${query}`);
      expect(status, query).toBe(404);
    }
    expect((await get(`/api/releases/${lifted}?locale=en`)).status).toBe(200);
  });

  it('leaves it out of relations populated from another item', async () => {
    for (const populate of [
      'populate=*',
      'populate=relatedReleases',
      'populate[0]=relatedReleases',
      'populate[relatedReleases][fields][0]=title',
      '',
    ]) {
      const { status, body } = await get(`/api/campaigns/${campaign}?locale=en&${populate}`);
      expect(status, populate).toBe(200);
      const related = (body.data.relatedReleases ?? []).map((r: { documentId: string }) => r.documentId);
      expect(related, populate).not.toContain(embargoed);
      expect(related, populate).toContain(lifted);
    }
  });

  it('answers no question about it through a filter on a relation, however it is spelled', async () => {
    const probes = [
      'filters[relatedReleases][title][$containsi]=english',
      'filters[relatedReleases][title][$endsWith]=english&filters[relatedReleases][embargoUntil][$notNull]=true',
      `filters[relatedReleases][documentId][$eq]=${embargoed}`,
      `filters[relatedReleases][documentId][$in][0]=${embargoed}`,
      'filters[relatedReleases][$and][0][title][$containsi]=english',
      'filters[relatedReleases][$or][0][title][$containsi]=english&filters[relatedReleases][$or][1][title][$containsi]=nothing-such',
      'filters[$or][0][relatedReleases][title][$containsi]=english&filters[$or][1][title][$eq]=nothing-such',
      'filters[$and][0][relatedReleases][title][$containsi]=english',
      `filters[relatedReleases][embargoUntil][$gt]=${new Date(Date.now() + 3_600_000).toISOString()}`,
      'filters[relatedReleases][publishedAt][$null]=true',
      'filters[relatedReleases][title][$containsi]=english&status=draft',
    ];
    for (const probe of probes) {
      for (const prefix of ['/api', '/API', '/Api']) {
        const { status, body } = await get(`${prefix}/campaigns?locale=en&${probe}`);
        expect(status, `${prefix} ${probe}`).toBe(200);
        expect(ids(body), `${prefix} ${probe}`).toEqual([]);
      }
    }
    // Only the embargoed release is titled "… english"; the lifted one is "Embargo over".
    // The same filters find what the public may see, so the guard does not just empty every answer.
    expect(ids((await get('/api/campaigns?locale=en&filters[relatedReleases][title][$containsi]=over')).body)).toEqual([
      campaign,
    ]);
    expect(
      ids((await get(`/api/campaigns?locale=en&filters[relatedReleases][documentId][$eq]=${lifted}`)).body),
    ).toEqual([campaign]);
    // "No linked release titled EMBARGO": true of what the public sees.
    expect(
      ids((await get('/api/campaigns?locale=en&filters[$not][relatedReleases][title][$containsi]=english')).body),
    ).toEqual([campaign]);
  });

  it('answers no question through a relation inside a populate either', async () => {
    const { body } = await get(
      `/api/campaigns?locale=en&populate[relatedReleases][filters][people][name][$containsi]=SECRETNAME`,
    );
    expect(JSON.stringify(body)).not.toContain('EMBARGO');
    expect(body.data[0].relatedReleases).toEqual([]);
  });

  it('never matches a draft of a linked item, from releases to their people', async () => {
    for (const prefix of ['/api', '/API']) {
      expect(
        ids((await get(`${prefix}/releases?locale=en&filters[people][name][$containsi]=SECRETNAME`)).body),
      ).toEqual([]);
      expect(
        ids((await get(`${prefix}/releases?locale=en&filters[people][name][$containsi]=SECRETNAME&status=draft`)).body),
      ).toEqual([]);
    }
    expect(ids((await get('/api/releases?locale=en&filters[people][name][$containsi]=Ana')).body)).toEqual([lifted]);
    // People link to nothing in return: a filter from a person to releases is refused, not answered.
    const reverse = await get('/api/people?locale=en&filters[releases][title][$containsi]=EMBARGO');
    expect(reverse.status).toBe(400);
  });

  it('refuses what cannot be limited to visible rows: an operator on the relation, a sort by a linked field', async () => {
    for (const probe of [
      'filters[relatedReleases][$null]=true',
      'filters[relatedReleases][$notNull]=true',
      'sort=relatedReleases.title:asc',
      'sort[0]=relatedReleases.title',
      'sort[relatedReleases][title]=asc',
    ]) {
      const { status, body } = await get(`/api/campaigns?locale=en&${probe}`);
      expect(status, probe).toBe(400);
      expect(body.error.message, probe).toMatch(/linked item/);
    }
  });

  it('shows the item once the time has come, and the cron asks for a rebuild then', async () => {
    const sent: Array<{ uid: string; entry: { documentId: string } }> = [];
    const listener = (payload: { uid: string; entry: { documentId: string } }) => sent.push(payload);
    app.strapi.eventHub.on('entry.publish', listener as never);
    await runSchedule(app.strapi, new Date(Date.now() - 1000));
    const run = await runSchedule(app.strapi, new Date(new Date(tomorrow).getTime() + 1000));
    app.strapi.eventHub.off('entry.publish', listener as never);
    expect(run.embargoesLifted.map((l) => l.documentId)).toContain(embargoed);
    expect(sent.filter((p) => p.uid === RELEASE).map((p) => p.entry.documentId)).toContain(embargoed);
    // Published rows with the embargo in the past are served: re-publish with the time passed.
    await app.strapi.documents(RELEASE).update({
      documentId: embargoed,
      locale: 'en',
      data: { embargoUntil: new Date(Date.now() - 1000).toISOString() } as never,
    });
    await app.strapi.documents(RELEASE).publish({ documentId: embargoed, locale: 'en' });
    expect((await get(`/api/releases/${embargoed}?locale=en`)).status).toBe(200);
  });

  it('does not hide anything from the admin or the CMS itself', async () => {
    const all = await app.strapi.documents(RELEASE).findMany({ locale: 'sq', status: 'published' });
    expect(all.map((r) => r.documentId)).toContain(embargoed);
  });
});
