import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { OUTBOX, outboxReport } from './outbox';
import { sendOutbox } from './worker';

/** A real SMTP server in the test process; what arrives is parsed as a mail client would. */
let received: ParsedMail[] = [];
let port = 0;
let server: SMTPServer | null = null;
let dataDelayMs = 0;
let dataStarted = 0;

function startSmtp(): Promise<void> {
  server = new SMTPServer({
    authOptional: true,
    // Closing for the outage test drops the CMS's pooled connections at once.
    closeTimeout: 100,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce@'))
        return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      return callback();
    },
    onData(stream: SMTPServerDataStream, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      dataStarted += 1;
      simpleParser(stream)
        .then(async (mail) => {
          await new Promise((r) => setTimeout(r, dataDelayMs));
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) =>
    server!.listen(port, '127.0.0.1', () => {
      port = (server!.server.address() as AddressInfo).port;
      resolve();
    }),
  );
}

const stopSmtp = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

let app: TestStrapi;
const env = () => ({
  ADMIN_EMAIL: 'mail@example.org',
  ADMIN_PASSWORD: 'Mail-password-1',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  OFFICE_EMAIL: 'desk@office.example',
  MAIL_FROM: 'Office <office@office.example>',
});

const submit = async (data: Record<string, unknown>, uid = 'api::document-request.document-request') =>
  (await app.strapi.documents(uid as never).create({ data: data as never })) as unknown as {
    documentId: string;
    reference: string;
    dueDate: string;
  };
const request = (email: string, language = 'en') => ({
  name: 'Ana Krasniqi',
  email,
  description: 'The minutes of the government meeting of 12 November',
  language,
  preferredFormat: 'electronic',
});
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address;
const later = (ms: number) => Date.now() + ms;

beforeAll(async () => {
  await startSmtp();
  app = await startStrapi({ listen: true, env: env() });
});

afterAll(async () => {
  await app?.stop();
  await stopSmtp();
  for (const key of Object.keys(env())) delete process.env[key];
});

describe('mail through the outbox', () => {
  it('acknowledges a request in its language with the reference and the legal deadline, and tells the office', async () => {
    received = [];
    const created = await submit(request('ana@example.org', 'sr-Latn'));
    expect(await sendOutbox(app.strapi)).toEqual(['sent', 'sent']);
    const ack = received.find((m) => to(m) === 'ana@example.org')!;
    expect(ack.subject).toBe(`Vaš zahtev za pristup javnim dokumentima: ${created.reference}`);
    expect(ack.text).toContain('Poštovani/a Ana Krasniqi');
    expect(ack.text).toMatch(/odlučuje o Vašem zahtevu do \d+\. \S+ \d{4}/);
    expect(ack.text).toContain('Agenciji za informisanje i privatnost u roku od 15 dana');
    expect(ack.html).toContain(created.reference);
    expect(ack.from?.value[0]).toMatchObject({ name: 'Office', address: 'office@office.example' });
    const notice = received.find((m) => to(m) === 'desk@office.example')!;
    expect(notice.subject).toMatch(
      new RegExp(`^kërkesë për qasje në dokumente publike e re ${created.reference}, afati`),
    );
    expect(notice.text).toContain(
      `/admin/content-manager/collection-types/api::document-request.document-request/${created.documentId}`,
    );
  });

  it('writes the acknowledgement with the request, in one transaction: neither without the other', async () => {
    const knex = app.strapi.db.connection;
    const before = await app.strapi.db.query('api::document-request.document-request').count({});
    await knex.schema.renameTable(OUTBOX, `${OUTBOX}_away`);
    try {
      await expect(submit(request('lost@example.org'))).rejects.toThrow();
    } finally {
      await knex.schema.renameTable(`${OUTBOX}_away`, OUTBOX);
    }
    expect(await app.strapi.db.query('api::document-request.document-request').count({})).toBe(before);
  });

  it('loses no mail while the mail server is down, and sends each message once when it is back', async () => {
    await stopSmtp();
    received = [];
    const created = await submit(
      {
        name: 'Besa',
        outlet: 'Radio',
        email: 'besa@example.org',
        question: 'When is the next press conference?',
        language: 'sq',
      },
      'api::media-inquiry.media-inquiry',
    );
    expect(await sendOutbox(app.strapi)).toEqual(['retry', 'retry']);
    expect((await outboxReport(app.strapi)).pending).toBe(2);
    // Nothing is tried again before its backoff.
    expect(await sendOutbox(app.strapi)).toEqual([]);
    await startSmtp();
    expect(await sendOutbox(app.strapi, later(60_000))).toEqual(['sent', 'sent']);
    expect(await sendOutbox(app.strapi, later(3_600_000))).toEqual([]);
    expect(
      received
        .filter((m) => m.subject?.includes(created.reference))
        .map(to)
        .sort(),
    ).toEqual(['besa@example.org', 'desk@office.example']);
    expect(received.find((m) => to(m) === 'besa@example.org')!.subject).toBe(
      `Pyetja juaj drejtuar Zyrës: ${created.reference}`,
    );
  });

  it('gives up on an address the server refuses for good, logs it and shows it on the desk', async () => {
    const created = await submit(request('bounce@example.org'));
    const outcomes = await sendOutbox(app.strapi);
    expect(outcomes.sort()).toEqual(['failed', 'sent']);
    const report = await outboxReport(app.strapi);
    const login = await fetch(`${app.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'mail@example.org', password: 'Mail-password-1' }),
    });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const desk = (await (
      await fetch(`${app.url}/newsroom/editorial`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { mail: typeof report };
    expect(desk.mail.failed.map((m) => m.to)).toContain('bounce@example.org');
    expect(report.failed[0]).toMatchObject({
      to: 'bounce@example.org',
      subject: expect.stringContaining(created.reference),
      last_error: expect.stringMatching(/550/),
    });
  });

  it('finishes the message being sent when the CMS stops, and sends nothing twice after a restart', async () => {
    received = [];
    dataDelayMs = 1500;
    const created = await submit(request('restart@example.org'));
    const started = dataStarted;
    const sending = sendOutbox(app.strapi);
    while (dataStarted === started) await new Promise((r) => setTimeout(r, 20));
    // Stopped in the middle of the first message; the office notice has not been started.
    await app.stop({ keepData: true });
    await sending;
    dataDelayMs = 0;
    app = await startStrapi({ listen: true, dir: app.dir, env: env() });
    expect(await sendOutbox(app.strapi)).toEqual(['sent']);
    expect(await sendOutbox(app.strapi, later(3_600_000))).toEqual([]);
    expect(
      received
        .filter((m) => m.subject?.includes(created.reference))
        .map(to)
        .sort(),
    ).toEqual(['desk@office.example', 'restart@example.org']);
  });
});
