import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { adminAs } from '../../test/admin-users';
import { ROLES } from '../bootstrap/roles';
import { OUTBOX } from '../mail/outbox';

const REQUESTS = CONTENT_TYPES.documentRequest.uid;
const DESK = '/newsroom/requests';
let app: TestStrapi;
let officer: Awaited<ReturnType<typeof adminAs>>;
let editor: Awaited<ReturnType<typeof adminAs>>;
let author: Awaited<ReturnType<typeof adminAs>>;

const submit = async (data: Record<string, unknown> = {}) =>
  (await app.strapi.documents(REQUESTS as never).create({
    data: {
      name: 'Drita Krasniqi',
      email: 'drita@example.org',
      description: 'Minutes of the meeting of 3 November',
      preferredFormat: 'electronic',
      language: 'sr-Latn',
      ...data,
    } as never,
  })) as unknown as { documentId: string; reference: string };
const letters = (reference: string) =>
  app.strapi.db
    .connection(OUTBOX)
    .where('key', 'like', `${reference}:%`)
    .orderBy('id')
    .select('key', 'to', 'subject', 'text');

/** What the site builder would receive. */
const webhooks: Array<Record<string, any>> = [];
const builder = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    webhooks.push(JSON.parse(body));
    res.writeHead(202).end('{}');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => builder.listen(0, '127.0.0.1', resolve));
  const env = {
    BUILDER_WEBHOOK_URL: `http://127.0.0.1:${(builder.address() as AddressInfo).port}/webhook`,
    BUILDER_WEBHOOK_SECRET: 'desk-webhook-secret-0123456789',
  };
  app = await startStrapi({ listen: true, env });
  officer = await adminAs(app, 'officer@example.org', ROLES.requestsOfficer.code);
  editor = await adminAs(app, 'editor@example.org', ROLES.editor.code);
  author = await adminAs(app, 'author@example.org', ROLES.author.code);
});

afterAll(async () => {
  await app?.stop();
  builder.close();
  for (const key of ['BUILDER_WEBHOOK_URL', 'BUILDER_WEBHOOK_SECRET']) delete process.env[key];
});

describe('the requests desk', () => {
  it('shows a request for documents, with who sent it, to the requests officer only', async () => {
    const { reference } = await submit();
    const seen = await officer('GET', DESK);
    expect(seen.status).toBe(200);
    expect(seen.body.rows.find((r: any) => r.entry.reference === reference).entry).toMatchObject({
      name: 'Drita Krasniqi',
      email: 'drita@example.org',
    });
    // Editors see what is asked, not who asks it.
    const edited = (await editor('GET', DESK)).body.rows.find((r: any) => r.entry.reference === reference);
    expect(edited.entry.description).toBe('Minutes of the meeting of 3 November');
    expect(edited.entry).not.toHaveProperty('name');
    expect(edited.entry).not.toHaveProperty('email');
    expect(edited.entry).not.toHaveProperty('phone');
    const byAuthor = await author('GET', DESK);
    expect(byAuthor.body.rows).toEqual([]);
    expect(byAuthor.body.kinds).toEqual([]);
  });

  it('lets only a role that answers requests take a step or open one', async () => {
    const { documentId } = await submit();
    expect((await editor('POST', `${DESK}/documentRequest/${documentId}/steps`, { action: 'start' })).status).toBe(403);
    expect((await author('GET', `${DESK}/documentRequest/${documentId}`)).status).toBe(403);
    expect((await author('POST', `${DESK}/documentRequest/${documentId}/steps`, { action: 'start' })).status).toBe(403);
    expect((await officer('POST', `${DESK}/documentRequest/${documentId}/steps`, { action: 'start' })).status).toBe(
      200,
    );
  });

  it("records every step with who, when and why, and writes each letter in the requester's language", async () => {
    const { documentId, reference } = await submit();
    const path = `${DESK}/documentRequest/${documentId}`;
    expect(
      (
        await officer('POST', `${path}/steps`, {
          action: 'ask-clarification',
          reason: "Which meeting: the government's or the office's?",
        })
      ).body,
    ).toEqual({ status: 'clarification-requested' });
    expect((await officer('POST', `${path}/steps`, { action: 'clarified' })).status).toBe(200);
    expect(
      (
        await officer('POST', `${path}/steps`, {
          action: 'extend',
          reason: 'The minutes are being archived',
          extensionDays: 10,
        })
      ).status,
    ).toBe(200);
    // Once only, and a refusal names its legal ground.
    expect(await officer('POST', `${path}/steps`, { action: 'extend', reason: 'Again', extensionDays: 2 })).toEqual({
      status: 409,
      body: { problems: { action: 'not-allowed' } },
    });
    expect(await officer('POST', `${path}/steps`, { action: 'refuse', answer: 'Refused.' })).toEqual({
      status: 400,
      body: { problems: { reason: 'required', legalGround: 'required' } },
    });
    expect(
      (
        await officer('POST', `${path}/steps`, {
          action: 'refuse',
          answer: 'The minutes cannot be released.',
          reason: 'They are part of an ongoing inspection.',
          legalGround: 'Article 17, paragraph 1.4',
        })
      ).body,
    ).toEqual({ status: 'refused' });

    const detail = (await officer('GET', path)).body;
    expect(detail.entry).toMatchObject({
      status: 'refused',
      outcome: 'refused',
      answeredInTime: true,
      extensionDays: 10,
    });
    expect(detail.history.map((h: any) => [h.action, h.from, h.to, h.actor])).toEqual([
      ['receive', 'received', 'received', 'public'],
      ['ask-clarification', 'received', 'clarification-requested', 'officer@example.org'],
      ['clarified', 'clarification-requested', 'in-progress', 'officer@example.org'],
      ['extend', 'in-progress', 'extended', 'officer@example.org'],
      ['refuse', 'extended', 'refused', 'officer@example.org'],
    ]);
    expect(detail.history[3].reason).toBe('The minutes are being archived');

    const sent = await letters(reference);
    expect(sent.map((m: any) => m.key.split(':')[1])).toEqual([
      'acknowledgement',
      'clarification',
      'clarified',
      'extended',
      'refused',
    ]);
    expect(sent.every((m: any) => m.to === 'drita@example.org')).toBe(true);
    const refusal = sent.at(-1);
    expect(refusal.subject).toBe(`Odluka o vašem zahtevu ${reference}: pristup je odbijen`);
    expect(refusal.text).toContain('na osnovu Article 17, paragraph 1.4');
    expect(refusal.text).toContain('Agenciji za informisanje i privatnost');
  });

  it('shows an overdue request as overdue, and filters by clock, state and assignee', async () => {
    const { documentId, reference } = await submit();
    const long = new Date(Date.now() - 20 * 86_400_000);
    await app.strapi.db.query(REQUESTS as never).update({
      where: { documentId },
      data: { createdAt: long, dueAt: new Date(long.getTime() + 7 * 86_400_000) } as never,
    });
    const overdue = (await officer('GET', `${DESK}?clock=overdue`)).body.rows;
    expect(overdue.map((r: any) => r.entry.reference)).toContain(reference);
    expect(overdue.every((r: any) => r.clock === 'overdue')).toBe(true);
    // Silence past the deadline lets the requester complain, so the desk offers to record it.
    expect(overdue.find((r: any) => r.entry.reference === reference).actions).toContain('complaint');

    expect(
      (await officer('POST', `${DESK}/documentRequest/${documentId}/assignee`, { assignee: 'author@example.org' }))
        .status,
    ).toBe(400);
    expect(
      (await officer('POST', `${DESK}/documentRequest/${documentId}/assignee`, { assignee: 'officer@example.org' }))
        .status,
    ).toBe(200);
    const mine = (await officer('GET', `${DESK}?assignee=officer@example.org`)).body.rows;
    expect(mine.map((r: any) => r.entry.reference)).toEqual([reference]);
    const received = (await officer('GET', `${DESK}?status=received&kind=documentRequest`)).body.rows;
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((r: any) => r.entry.status === 'received' && r.kind === 'documentRequest')).toBe(true);
  });

  it("tells the site builder of a request's creation, a step and an edit in the content manager, without the request's data", async () => {
    const { documentId } = await submit({ email: 'private-person@example.org', name: 'Private Person' });
    await officer('POST', `${DESK}/documentRequest/${documentId}/steps`, { action: 'grant', answer: 'Attached.' });
    await app.strapi
      .documents(REQUESTS as never)
      .update({ documentId, data: { publishInLog: true, disclosureSummary: 'A public summary' } as never });
    await expect
      .poll(() => webhooks.filter((w) => w.entry?.documentId === documentId).length, { timeout: 10_000 })
      .toBe(3);
    const about = webhooks.filter((w) => w.entry?.documentId === documentId);
    // Strapi sends its own events once their transaction is committed: in no set order against the desk's.
    expect(about.map((w) => [w.event, w.uid]).sort()).toEqual([
      ['entry.create', REQUESTS],
      ['entry.update', REQUESTS],
      ['entry.update', REQUESTS],
    ]);
    for (const w of about) expect(w.entry).toEqual({ documentId });
    expect(JSON.stringify(webhooks)).not.toMatch(/private-person|Private Person|drita@example\.org/);
  });
});
