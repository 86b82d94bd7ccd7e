import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { HITS } from './guard';
import { OUTBOX } from '../mail/outbox';

const SITE_URL = 'https://site.example';
let app: TestStrapi;

beforeAll(async () => {
  app = await startStrapi({ listen: true, env: { SITE_URL } });
});

afterAll(async () => {
  await app?.stop();
  delete process.env.SITE_URL;
});

beforeEach(async () => {
  await app.strapi.db.connection(HITS).del();
});

const REQUESTS = 'api::document-request.document-request';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const valid = (extra: Record<string, string> = {}) => ({
  language: 'sq',
  name: 'Arta Berisha',
  email: 'arta@example.org',
  description: 'Procesverbali i mbledhjes së Qeverisë së 12 nëntorit',
  preferredFormat: 'electronic',
  website: '',
  ...extra,
});
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
const count = () => app.strapi.db.query(REQUESTS).count({});

describe('the intake of a request for documents', () => {
  it('stores a plain form post and answers with a 303 to the thank-you page in its language, with the reference', async () => {
    const before = await count();
    const res = await post(
      '/intake/document-request',
      form(valid({ language: 'sr-Latn', email: 'plain@example.org' })),
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${SITE_URL}/sr/zahtev-za-dokumente/hvala/`);
    const reference = location.searchParams.get('ref')!;
    expect(reference).toMatch(/^DR-\d{4}-[2-9A-Z]{6}$/);
    expect(await count()).toBe(before + 1);
    const stored = await app.strapi.db.query(REQUESTS).findOne({ where: { reference } });
    expect(stored).toMatchObject({ name: 'Arta Berisha', language: 'sr-Latn', status: 'received' });
    // Its acknowledgement is in the outbox, written with it.
    expect(await app.strapi.db.connection(OUTBOX).where('key', `${reference}:acknowledgement`).first()).toMatchObject({
      to: 'plain@example.org',
    });
  });

  it('answers a script asking for JSON with the reference', async () => {
    const res = await post('/intake/document-request', JSON.stringify(valid({ email: 'script@example.org' })), {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { reference: string }).reference).toMatch(/^DR-/);
  });

  it("names each field's problem in the form's language, and stores nothing", async () => {
    const before = await count();
    const bad = { ...valid(), name: '', email: 'not-an-address', description: 'short', preferredFormat: 'fax' };
    const expected: Record<string, RegExp> = {
      sq: /plotësoni këtë fushë/,
      'sr-Latn': /popunite ovo polje/,
      en: /fill in this field/,
    };
    for (const language of LOCALE_CODES) {
      const res = await post('/intake/document-request', JSON.stringify({ ...bad, language }), {
        'Content-Type': 'application/json',
        Accept: 'application/json',
      });
      expect(res.status, language).toBe(400);
      const { errors } = (await res.json()) as { errors: Record<string, string> };
      expect(Object.keys(errors).sort(), language).toEqual(['description', 'email', 'name', 'preferredFormat']);
      expect(errors.name, language).toMatch(expected[language]);
    }
    const page = await post(
      '/intake/document-request',
      form({ ...bad, language: 'en', name: '<script>alert(1)</script>'.repeat(10) }),
    );
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<strong>E-mail<\/strong>: This is not an e-mail address/);
    expect(html).toMatch(/<strong>Name<\/strong>: This is too long: at most 120 characters/);
    expect(html).not.toContain('<script>');
    expect(html).toContain(`href="${SITE_URL}/en/request-documents/"`);
    expect(await count()).toBe(before);
  });

  it('refuses a body over its limit with 413', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    expect((await post('/intake/document-request', form(valid({ description: big })))).status).toBe(413);
    expect(
      (
        await post('/intake/document-request', JSON.stringify(valid({ description: big })), {
          'Content-Type': 'application/json',
        })
      ).status,
    ).toBe(413);
  });

  it("makes one request of a double click, with or without the page's idempotency key", async () => {
    const before = await count();
    const body = form(valid({ email: 'double@example.org' }));
    const [first, second] = await Promise.all([
      post('/intake/document-request', body),
      post('/intake/document-request', body),
    ]);
    expect(first.headers.get('location')).toBe(second.headers.get('location'));
    const keyed = form(valid({ email: 'keyed@example.org', idempotencyKey: 'a1b2c3d4-e5f6-4789-9abc-def012345678' }));
    const third = await post('/intake/document-request', keyed);
    const fourth = await post('/intake/document-request', keyed.replace('Procesverbali', 'Procesverbalin'));
    expect(third.headers.get('location')).toBe(fourth.headers.get('location'));
    expect(await count()).toBe(before + 2);
  });

  it('lets no bot in: a filled honeypot, or a form sent faster than a person can', async () => {
    const before = await count();
    const trap = await post('/intake/document-request', JSON.stringify(valid({ website: 'http://spam.example' })), {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(trap.status).toBe(400);
    expect(((await trap.json()) as { errors: Record<string, string> }).errors.form).toMatch(/nuk mund të pranohej/);
    const fast = await post('/intake/document-request', JSON.stringify(valid({ started: String(Date.now() - 500) })), {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(fast.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('answers the 11th submission in a minute from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push(
        (
          await post(
            '/intake/document-request',
            form(valid({ email: `limit${i}@example.org`, description: `Dokumenti numër ${i} i kërkuar sot` })),
          )
        ).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
    const again = await post('/intake/document-request', form(valid()), { Accept: 'application/json' });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(((await again.json()) as { error: string }).error).toMatch(/Shumë mesazhe/);
  });

  it('limits submissions from one e-mail address over an hour', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await app.strapi.db.connection(HITS).where('key', 'like', 'address:%').del();
      statuses.push(
        (
          await post(
            '/intake/document-request',
            form(valid({ email: 'same@example.org', description: `Një kërkesë tjetër numër ${i}` })),
          )
        ).status,
      );
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });
});

describe("the intake of a journalist's question", () => {
  it('takes the deadline in office time and refuses one in the past', async () => {
    const question = {
      language: 'en',
      name: 'Dita',
      outlet: 'Koha',
      email: 'dita@example.org',
      question: 'Will the minister attend the summit?',
    };
    const ok = await post('/intake/media-inquiry', JSON.stringify({ ...question, deadline: '2030-01-15T17:30' }), {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(ok.status).toBe(201);
    const { reference } = (await ok.json()) as { reference: string };
    const stored = await app.strapi.db.query('api::media-inquiry.media-inquiry').findOne({ where: { reference } });
    expect(new Date(stored.deadline).toISOString()).toBe('2030-01-15T16:30:00.000Z');
    const past = await post(
      '/intake/media-inquiry',
      JSON.stringify({ ...question, email: 'late@example.org', deadline: '2020-01-15T17:30' }),
      { 'Content-Type': 'application/json', Accept: 'application/json' },
    );
    expect(((await past.json()) as { errors: Record<string, string> }).errors).toEqual({
      deadline: 'This deadline has already passed.',
    });
  });
});

describe("the intake of a message to the office's official address", () => {
  it('stores it with its reference and due date, and answers with the thank-you page', async () => {
    const res = await post(
      '/intake/office-message',
      form({
        language: 'en',
        name: 'Luan',
        email: 'luan@example.org',
        subject: 'Opening hours',
        message: 'When can I meet an officer about a complaint?',
      }),
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.pathname).toBe('/en/write-to-the-office/thank-you/');
    const reference = location.searchParams.get('ref')!;
    expect(reference).toMatch(/^OM-\d{4}-/);
    const stored = await app.strapi.db.query('api::office-message.office-message').findOne({ where: { reference } });
    expect(stored).toMatchObject({
      subject: 'Opening hours',
      language: 'en',
      status: 'received',
      dueDate: expect.anything(),
    });
    expect((await fetch(`${app.url}/api/office-messages`)).status).toBe(403);
  });
});
