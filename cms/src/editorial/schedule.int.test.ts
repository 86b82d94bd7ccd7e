import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { wallTimeToInstant } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease, releaseData } from '../../test/fixtures/release';
import { runSchedule } from './schedule';

const RELEASE = 'api::release.release';
let app: TestStrapi;

const publishedLocales = async (documentId: string) =>
  (
    (await app.strapi.db
      .query(RELEASE)
      .findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] })) as Array<{
      locale: string;
    }>
  )
    .map((r) => r.locale)
    .sort();

const at = (instant: Date, deltaMs = 0) => new Date(instant.getTime() + deltaMs);

/** Runs the cron task with the clock at `when`, so Strapi stamps publications at that time too. */
async function runAt(when: Date | string) {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(when) });
  try {
    return await runSchedule(app.strapi, new Date());
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  app = await startStrapi({ listen: true });
});

afterAll(async () => {
  await app?.stop();
});

describe('scheduled publishing', () => {
  it('runs as a Strapi cron task often enough to publish within a minute', () => {
    const tasks = app.strapi.config.get('server.cron.tasks') as Record<string, { options: { rule: string } }>;
    expect(tasks.newsroomSchedule.options.rule).toBe('*/15 * * * * *');
  });

  it('publishes a release prepared tonight at 09:00 tomorrow, in every locale that is ready, not before', async () => {
    const nine = wallTimeToInstant('2026-12-01T09:00');
    const id = await createRelease(app.strapi, { sq: 'Nesër në nëntë', en: 'Tomorrow at nine' }, [], {
      publishAt: nine.toISOString(),
    });
    await runAt(at(nine, -1000));
    expect(await publishedLocales(id)).toEqual([]);
    const run = await runAt(at(nine, 1000));
    expect(await publishedLocales(id)).toEqual(['en', 'sq']);
    expect(
      run.published
        .filter((p) => p.documentId === id)
        .map((p) => p.locale)
        .sort(),
    ).toEqual(['en', 'sq']);
    const { body } = await (
      await fetch(`${app.url}/api/releases/${id}?locale=en`)
    )
      .json()
      .then((b) => ({ body: b as any }));
    expect(body.data.title).toBe('Tomorrow at nine');
    expect(body.data.firstPublishedAt).toBeTruthy();
  });

  it('publishes 02:30 on the spring-forward night at 03:30 summer time (01:30 UTC)', async () => {
    const publishAt = wallTimeToInstant('2027-03-28T02:30');
    expect(publishAt.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    const id = await createRelease(app.strapi, { sq: 'Ndryshimi i orës në pranverë' }, [], {
      publishAt: publishAt.toISOString(),
    });
    await runAt(new Date('2027-03-28T01:29:45Z'));
    expect(await publishedLocales(id)).toEqual([]);
    await runAt(new Date('2027-03-28T01:30:00Z'));
    expect(await publishedLocales(id)).toEqual(['sq']);
  });

  it('publishes 02:30 in the repeated autumn hour at its first occurrence, once', async () => {
    const publishAt = wallTimeToInstant('2027-10-31T02:30');
    expect(publishAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    const id = await createRelease(app.strapi, { sq: 'Ndryshimi i orës në vjeshtë' }, [], {
      publishAt: publishAt.toISOString(),
    });
    await runAt(new Date('2027-10-31T00:30:10Z'));
    expect(await publishedLocales(id)).toEqual(['sq']);
    const [{ publishedAt }] = await app.strapi.db
      .query(RELEASE)
      .findMany({ where: { documentId: id, publishedAt: { $notNull: true } } });
    // The second 02:30 (01:30 UTC) publishes nothing again.
    const second = await runAt(new Date('2027-10-31T01:30:10Z'));
    expect(second.published.map((p) => p.documentId)).not.toContain(id);
    const [after] = await app.strapi.db
      .query(RELEASE)
      .findMany({ where: { documentId: id, publishedAt: { $notNull: true } } });
    expect(after.publishedAt).toEqual(publishedAt);
  });

  it('can be unscheduled until the time', async () => {
    const publishAt = new Date(Date.now() + 3600_000);
    const id = await createRelease(app.strapi, { sq: 'E anuluar' }, [], { publishAt: publishAt.toISOString() });
    await app.strapi.documents(RELEASE).update({ documentId: id, locale: 'sq', data: { publishAt: null } as never });
    await runAt(at(publishAt, 60_000));
    expect(await publishedLocales(id)).toEqual([]);
  });

  it('does not publish again what an editor unpublished after its time', async () => {
    const publishAt = new Date(Date.now() - 60_000);
    const id = await createRelease(app.strapi, { sq: 'E tërhequr nga redaktori' }, [], {
      publishAt: publishAt.toISOString(),
    });
    await runSchedule(app.strapi, new Date());
    expect(await publishedLocales(id)).toEqual(['sq']);
    await app.strapi.documents(RELEASE).unpublish({ documentId: id, locale: 'sq' });
    await runSchedule(app.strapi, new Date());
    expect(await publishedLocales(id)).toEqual([]);
  });

  it('lists an item still unpublished 5 minutes after its time as overdue, in the log too', async () => {
    const publishAt = new Date(Date.now() - 10 * 60_000);
    const id = await createRelease(app.strapi, { sq: 'Gati në shqip' }, [], { publishAt: publishAt.toISOString() });
    // The English translation is missing its summary: it cannot be published.
    await app.strapi.documents(RELEASE).update({
      documentId: id,
      locale: 'en',
      data: { ...releaseData('Not ready'), summary: null, publishAt: publishAt.toISOString() } as never,
    });
    const warn = vi.spyOn(app.strapi.log, 'warn');
    const run = await runSchedule(app.strapi, new Date());
    expect(await publishedLocales(id)).toEqual(['sq']);
    const overdue = run.overdue.find((o) => o.documentId === id);
    expect(overdue).toMatchObject({ locale: 'en', type: 'release' });
    expect(overdue?.error).toMatch(/summary/);
    expect(warn.mock.calls.map(([m]) => String(m)).join('\n')).toMatch(/OVERDUE: release "Not ready" \(en\)/);
    warn.mockRestore();
  });

  it('is not overdue while within 5 minutes of its time', async () => {
    const publishAt = new Date(Date.now() - 60_000);
    const id = await createRelease(app.strapi, { en: 'Almost' }, [], { publishAt: publishAt.toISOString() });
    await app.strapi.documents(RELEASE).update({ documentId: id, locale: 'en', data: { summary: null } as never });
    const run = await runSchedule(app.strapi, new Date());
    expect(run.overdue.map((o) => o.documentId)).not.toContain(id);
  });
});
