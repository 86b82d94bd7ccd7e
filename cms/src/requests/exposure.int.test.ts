import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES, FORMS, type FormKind } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { adminAs } from '../../test/admin-users';
import { ROLES } from '../bootstrap/roles';

/**
 * No one but those who answer them gets a submission or its file from the CMS: not the
 * public, not a signed-in user of the public API, not an author in the admin, by any
 * spelling of the path or any query the router accepts.
 */
let app: TestStrapi;
let memberJwt: string;
let author: Awaited<ReturnType<typeof adminAs>>;
const KINDS = Object.keys(FORMS) as FormKind[];
const created: Record<string, { documentId: string; reference: string }> = {};
const DATA: Record<FormKind, Record<string, unknown>> = {
  documentRequest: { description: 'SECRETDR the minutes', preferredFormat: 'electronic' },
  mediaInquiry: { outlet: 'Koha', question: 'SECRETMI when is the visit?' },
  officeMessage: { subject: 'Hello', message: 'SECRETOM a message to the office' },
  accreditation: {
    outlet: 'Koha',
    role: 'journalist',
    accreditationType: 'annual',
    event: 'SECRETAC the summit',
    languages: ['sq'],
    consent: true,
  },
};

beforeAll(async () => {
  app = await startStrapi({ listen: true });
  for (const kind of KINDS) {
    created[kind] = (await app.strapi.documents(CONTENT_TYPES[kind].uid as never).create({
      data: { name: 'Hidden Sender', email: 'hidden.sender@example.org', language: 'sq', ...DATA[kind] } as never,
    })) as never;
  }
  const authenticated = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const member = await app.strapi.db.query('plugin::users-permissions.user').create({
    data: {
      username: 'member',
      email: 'member@example.org',
      password: 'Member-password-1',
      confirmed: true,
      provider: 'local',
      role: authenticated.id,
    },
  });
  memberJwt = (app.strapi.plugin('users-permissions').service('jwt') as { issue(p: object): string }).issue({
    id: member.id,
  });
  author = await adminAs(app, 'exposure-author@example.org', ROLES.author.code);
});

afterAll(async () => {
  await app?.stop();
});

const callers = {
  public: {} as Record<string, string>,
  'signed-in member': () => ({ Authorization: `Bearer ${memberJwt}` }),
};

describe("the public's submissions", () => {
  it('are never returned by the content API, to the public or a signed-in member, in any spelling', async () => {
    for (const kind of KINDS) {
      const { plural } = CONTENT_TYPES[kind];
      const { documentId, reference } = created[kind];
      const paths = [
        `/api/${plural}`,
        `/API/${plural}`,
        `/%61pi/${plural}`,
        `//api/${plural}`,
        `/api/${plural}/`,
        `/api/${plural}/${documentId}`,
        `/api/${plural}?filters[reference][$eq]=${reference}`,
        `/api/${plural}?populate=*`,
        `/api/${plural}?status=draft`,
      ];
      for (const [who, headers] of Object.entries(callers)) {
        for (const path of paths) {
          const res = await fetch(`${app.url}${path}`, {
            headers: typeof headers === 'function' ? headers() : headers,
          });
          const text = await res.text();
          expect(res.status, `${who} ${path}`).toBeGreaterThanOrEqual(400);
          expect(text, `${who} ${path}`).not.toMatch(/SECRET|hidden\.sender|Hidden Sender/);
        }
      }
    }
  });

  it('are not in the media library or any public listing', async () => {
    for (const path of [
      '/api/upload/files',
      '/api/newsroom/listing/document-requests',
      '/api/newsroom/disclosure-log',
      '/api/newsroom/request-statistics',
    ]) {
      const text = await (await fetch(`${app.url}${path}`)).text();
      expect(text, path).not.toMatch(/SECRET|hidden\.sender|Hidden Sender/);
    }
  });

  it('are hidden from an author in the content manager and on the requests desk', async () => {
    for (const kind of KINDS) {
      const { uid } = CONTENT_TYPES[kind];
      expect((await author('GET', `/content-manager/collection-types/${uid}`)).status, kind).toBe(403);
      expect(
        (await author('GET', `/content-manager/collection-types/${uid}/${created[kind].documentId}`)).status,
        kind,
      ).toBe(403);
      expect((await author('GET', `/newsroom/requests/${kind}/${created[kind].documentId}`)).status, kind).toBe(403);
    }
    const desk = await author('GET', '/newsroom/requests');
    expect(JSON.stringify(desk.body)).not.toMatch(/SECRET|hidden\.sender/);
  });
});
