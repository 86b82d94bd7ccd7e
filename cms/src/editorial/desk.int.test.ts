import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPreview } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';

const SECRET = 'preview-secret-for-the-tests';
let app: TestStrapi;
let token: string;

const login = async (email: string, password: string) => {
  const res = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await res.json()) as any).data.token as string;
};

beforeAll(async () => {
  app = await startStrapi({
    listen: true,
    env: {
      ADMIN_EMAIL: 'desk@example.org',
      ADMIN_PASSWORD: 'Desk-password-1',
      PREVIEW_URL: 'http://127.0.0.1:4322',
      PREVIEW_SECRET: SECRET,
    },
  });
  token = await login('desk@example.org', 'Desk-password-1');
});

afterAll(async () => {
  await app?.stop();
});

describe('the editorial desk', () => {
  it('lists schedules in office time, overdue items and translation gaps, for signed-in admins only', async () => {
    const future = new Date('2030-03-31T07:00:00Z');
    const scheduled = await createRelease(app.strapi, { sq: 'E planifikuar' }, [], { publishAt: future.toISOString() });
    const overdue = await createRelease(app.strapi, { sq: 'E vonuar' }, [], {
      publishAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    await app.strapi
      .documents('api::release.release')
      .update({ documentId: overdue, locale: 'sq', data: { summary: null } as never });
    const partial = await createRelease(app.strapi, { sq: 'Vetëm shqip', 'sr-Latn': 'Samo srpski' }, ['sq', 'sr-Latn']);
    await new Promise((r) => setTimeout(r, 1100));
    await app.strapi
      .documents('api::release.release')
      .update({ documentId: partial, locale: 'sq', data: { summary: 'Ndryshuar' } as never });

    expect((await fetch(`${app.url}/newsroom/editorial`)).status).toBe(401);
    const res = await fetch(`${app.url}/newsroom/editorial`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as any;
    expect(report.timeZone).toBe('Europe/Belgrade');
    expect(report.scheduled.find((s: any) => s.documentId === scheduled)).toMatchObject({
      locale: 'sq',
      publishAtOffice: '31 Mar 2030, 09:00 CEST',
    });
    expect(report.overdue.map((o: any) => o.documentId)).toContain(overdue);
    const item = report.translations.items.find((i: any) => i.documentId === partial);
    expect(item.locales).toEqual({ sq: 'modified', 'sr-Latn': 'outdated', en: 'missing' });
    expect(report.translations.missing.en).toBeGreaterThanOrEqual(1);
  });

  it('does not call a translation out of date because the source was published after it', async () => {
    const id = await createRelease(app.strapi, { sq: 'Burimi', en: 'The source' });
    await new Promise((r) => setTimeout(r, 1100));
    await app.strapi.documents('api::release.release').publish({ documentId: id, locale: 'en' });
    await new Promise((r) => setTimeout(r, 1100));
    await app.strapi.documents('api::release.release').publish({ documentId: id, locale: 'sq' });
    const report = (await (
      await fetch(`${app.url}/newsroom/editorial`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as any;
    const item = report.translations.items.find((i: any) => i.documentId === id);
    expect(item.locales).toEqual({ sq: 'published', 'sr-Latn': 'missing', en: 'published' });
  });
});

describe('the preview link', () => {
  it('is made by the admin for a draft, with a token for that draft only', async () => {
    const id = await createRelease(app.strapi, { en: 'Draft to preview' });
    const res = await fetch(
      `${app.url}/content-manager/preview/url/api::release.release?documentId=${id}&locale=en&status=draft`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(200);
    const url = new URL(((await res.json()) as any).data.url);
    expect(url.origin).toBe('http://127.0.0.1:4322');
    expect(url.pathname).toBe(`/preview/release/${id}/en`);
    const draft = await fetch(`${app.url}/newsroom${url.pathname}${url.search}`);
    expect(draft.status).toBe(200);
    expect(((await draft.json()) as any).data).toMatchObject({ title: 'Draft to preview', publishedAt: null });
  });

  it('refuses the draft without a valid token', async () => {
    const id = await createRelease(app.strapi, { en: 'Secret draft' });
    const expires = Math.floor(Date.now() / 1000) + 600;
    const good = await signPreview(SECRET, { type: 'release', documentId: id, locale: 'en', expires });
    const forged = await signPreview('not-the-preview-secret', {
      type: 'release',
      documentId: id,
      locale: 'en',
      expires,
    });
    for (const query of [
      '',
      `?expires=${expires}`,
      `?expires=${expires}&token=${forged}`,
      `?expires=${expires + 1}&token=${good}`,
    ]) {
      const res = await fetch(`${app.url}/newsroom/preview/release/${id}/en${query}`);
      expect(res.status, query).toBe(403);
      expect(await res.text()).not.toContain('Secret draft');
    }
    expect((await fetch(`${app.url}/newsroom/preview/release/${id}/sq?expires=${expires}&token=${good}`)).status).toBe(
      403,
    );
  });
});
