import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../../test/strapi';
import { releaseData } from '../../../test/fixtures/release';

/** What an editor does in the admin, through the admin's own API (the content manager). */
let app: TestStrapi;
let token: string;
const RELEASES = '/content-manager/collection-types/api::release.release';

const admin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  app = await startStrapi({
    listen: true,
    env: { ADMIN_EMAIL: 'editor@example.org', ADMIN_PASSWORD: 'Editor-password-1' },
  });
  const res = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.org', password: 'Editor-password-1' }),
  });
  token = ((await res.json()) as any).data.token;
});

afterAll(async () => {
  await app?.stop();
});

describe('an editor in the admin', () => {
  it('creates a release, translates it, publishes both, and the public API serves each', async () => {
    const created = await admin('POST', `${RELEASES}?locale=sq`, releaseData('Komunikatë nga redaktori'));
    expect(created.status).toBe(201);
    const { documentId, slug } = created.body.data;
    expect(slug).toBe('komunikate-nga-redaktori');

    const translated = await admin(
      'PUT',
      `${RELEASES}/${documentId}?locale=en`,
      releaseData('Release from the editor'),
    );
    expect(translated.status).toBe(200);
    expect(translated.body.data).toMatchObject({ locale: 'en', slug: 'release-from-the-editor' });

    expect((await fetch(`${app.url}/api/releases/${documentId}?locale=en`)).status).toBe(404);
    for (const locale of ['sq', 'en']) {
      expect((await admin('POST', `${RELEASES}/${documentId}/actions/publish?locale=${locale}`, {})).status).toBe(200);
    }
    const en = (await (await fetch(`${app.url}/api/releases/${documentId}?locale=en`)).json()) as any;
    expect(en.data.title).toBe('Release from the editor');
  });

  it('sees drafts in the admin that the public never sees', async () => {
    const created = await admin('POST', `${RELEASES}?locale=sr-Latn`, releaseData('Nacrt saopštenja'));
    const listed = await admin('GET', `${RELEASES}?locale=sr-Latn&page=1&pageSize=50`);
    expect(listed.body.results.map((r: { documentId: string }) => r.documentId)).toContain(
      created.body.data.documentId,
    );
    expect(
      (await fetch(`${app.url}/api/releases/${created.body.data.documentId}?locale=sr-Latn&status=draft`)).status,
    ).toBe(404);
  });

  it('may save an incomplete draft, but publishing it without a title is a clear error', async () => {
    const { title: _omit, ...withoutTitle } = releaseData('x');
    const draft = await admin('POST', `${RELEASES}?locale=en`, withoutTitle);
    expect(draft.status).toBe(201);
    const res = await admin('POST', `${RELEASES}/${draft.body.data.documentId}/actions/publish?locale=en`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain('title');
  });
});
