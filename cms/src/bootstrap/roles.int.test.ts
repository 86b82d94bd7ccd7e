import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { releaseData } from '../../test/fixtures/release';
import { ROLES } from './roles';

const RELEASES = '/content-manager/collection-types/api::release.release';
const REQUESTS = '/content-manager/collection-types/api::document-request.document-request';
let app: TestStrapi;
const tokens: Record<string, string> = {};

async function userWithRole(email: string, code: string | null) {
  const roles = app.strapi.service('admin::role') as any;
  const role = code ? await roles.findOne({ code }) : await roles.getSuperAdmin();
  await (app.strapi.service('admin::user') as any).create({
    email,
    firstname: email.split('@')[0],
    lastname: 'Test',
    password: 'Role-password-1',
    isActive: true,
    roles: [role.id],
  });
  const res = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'Role-password-1' }),
  });
  return ((await res.json()) as any).data.token as string;
}

const as = async (who: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
};

beforeAll(async () => {
  app = await startStrapi({ listen: true });
  tokens.author = await userWithRole('author@example.org', ROLES.author.code);
  tokens.other = await userWithRole('other-author@example.org', ROLES.author.code);
  tokens.editor = await userWithRole('editor@example.org', ROLES.editor.code);
  tokens.admin = await userWithRole('admin@example.org', null);
  tokens.accreditation = await userWithRole('accreditation@example.org', ROLES.accreditationOfficer.code);
});

afterAll(async () => {
  await app?.stop();
});

describe('the office roles', () => {
  it('are Author, Editor and Administrator, set again identically on every start', async () => {
    const names = async () =>
      ((await (app.strapi.service('admin::role') as any).find({})) as Array<{ name: string }>)
        .map((r) => r.name)
        .sort();
    expect(await names()).toEqual(['Accreditation officer', 'Administrator', 'Author', 'Editor', 'Requests officer']);
    const count = () => app.strapi.db.query('admin::permission').count({});
    const before = await count();
    await app.bootstrap();
    expect(await names()).toEqual(['Accreditation officer', 'Administrator', 'Author', 'Editor', 'Requests officer']);
    expect(await count()).toBe(before);
  });

  it('lets an author write and edit a draft of their own, in any language, but not publish it', async () => {
    const created = await as('author', 'POST', `${RELEASES}?locale=sq`, releaseData('Nga autori'));
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await as('author', 'PUT', `${RELEASES}/${id}?locale=sq`, releaseData('Nga autori, ndrequr'))).status).toBe(
      200,
    );
    expect((await as('author', 'PUT', `${RELEASES}/${id}?locale=en`, releaseData('From the author'))).status).toBe(200);
    expect((await as('author', 'POST', `${RELEASES}/${id}/actions/publish?locale=sq`, {})).status).toBe(403);
    expect((await as('author', 'DELETE', `${RELEASES}/${id}?locale=sq`)).status).toBe(403);
    expect(
      await app.strapi.db
        .query('api::release.release')
        .count({ where: { documentId: id, publishedAt: { $notNull: true } } }),
    ).toBe(0);

    // The editor reviews and publishes it.
    expect(
      (await as('editor', 'PUT', `${RELEASES}/${id}?locale=sq`, releaseData('Nga autori, redaktuar'))).status,
    ).toBe(200);
    expect((await as('editor', 'POST', `${RELEASES}/${id}/actions/publish?locale=sq`, {})).status).toBe(200);
    expect((await fetch(`${app.url}/api/releases/${id}?locale=sq`)).status).toBe(200);
    expect((await as('author', 'POST', `${RELEASES}/${id}/actions/unpublish?locale=sq`, {})).status).toBe(403);
  });

  it("keeps an author out of other authors' items and the public's requests", async () => {
    const theirs = await as('other', 'POST', `${RELEASES}?locale=sq`, releaseData('E tjetrit'));
    expect(theirs.status).toBe(201);
    expect(
      (await as('author', 'PUT', `${RELEASES}/${theirs.body.data.documentId}?locale=sq`, releaseData('Ndërhyrje')))
        .status,
    ).toBe(403);
    expect((await as('author', 'GET', `${REQUESTS}?page=1&pageSize=10`)).status).toBe(403);
    expect((await as('editor', 'GET', `${REQUESTS}?page=1&pageSize=10`)).status).toBe(200);
  });

  it('lets an editor and an administrator edit, publish and delete anything', async () => {
    const mine = await as('author', 'POST', `${RELEASES}?locale=en`, releaseData('To be deleted'));
    const id = mine.body.data.documentId;
    expect((await as('editor', 'POST', `${RELEASES}/${id}/actions/publish?locale=en`, {})).status).toBe(200);
    expect((await as('admin', 'POST', `${RELEASES}/${id}/actions/unpublish?locale=en`, {})).status).toBe(200);
    expect((await as('editor', 'DELETE', `${RELEASES}/${id}?locale=en`)).status).toBe(200);
  });

  it('lets the accreditation officer see and update accreditations, and nothing else; an editor not at all', async () => {
    const ACCREDITATIONS = '/content-manager/collection-types/api::accreditation.accreditation';
    expect((await as('accreditation', 'GET', `${ACCREDITATIONS}?page=1&pageSize=10`)).status).toBe(200);
    expect((await as('accreditation', 'GET', `${REQUESTS}?page=1&pageSize=10`)).status).toBe(403);
    expect((await as('accreditation', 'POST', `${RELEASES}?locale=en`, releaseData('Not mine to write'))).status).toBe(
      403,
    );
    expect((await as('editor', 'GET', `${ACCREDITATIONS}?page=1&pageSize=10`)).status).toBe(403);
    expect((await as('author', 'GET', `${ACCREDITATIONS}?page=1&pageSize=10`)).status).toBe(403);
  });
});
