import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { OUTBOX } from '../mail/outbox';
import { takeStep } from './desk';
import { eraseExpired } from './retention';
import { EVENTS } from './history';

const REQUESTS = CONTENT_TYPES.documentRequest.uid;
let app: TestStrapi;

const submit = async (email: string) =>
  (await app.strapi.documents(REQUESTS as never).create({
    data: {
      name: 'Besnik Gashi',
      email,
      phone: '+383 44 000 000',
      address: 'Rr. Nëna Terezë 1',
      description: `The contract with ${email}`,
      preferredFormat: 'electronic',
      language: 'sq',
    } as never,
  })) as unknown as { documentId: string; reference: string };
const row = (documentId: string) =>
  app.strapi.db.query(REQUESTS as never).findOne({ where: { documentId } }) as Promise<Record<string, unknown>>;
const api = async (path: string) => (await (await fetch(`${app.url}/api/newsroom/${path}`)).json()) as { data: any };
const monthsAgo = (n: number) => new Date(Date.now() - n * 30.5 * 86_400_000);

beforeAll(async () => {
  app = await startStrapi({ listen: true });
});

afterAll(async () => {
  await app?.stop();
});

describe('the requests as open data', () => {
  it('publishes in the disclosure log only the answered requests the office chose, and nothing of who asked', async () => {
    const published = await submit('published@example.org');
    const kept = await submit('kept@example.org');
    for (const { documentId } of [published, kept])
      await takeStep(
        app.strapi,
        'documentRequest',
        documentId,
        'grant',
        { answer: 'The contract is attached.' },
        'officer@example.org',
      );
    await app.strapi.db.query(REQUESTS as never).update({
      where: { documentId: published.documentId },
      data: { publishInLog: true, disclosureSummary: 'The cleaning contract of the Office, 2026' } as never,
    });

    const log = (await api('disclosure-log')).data as any[];
    expect(log.map((e) => e.reference)).toContain(published.reference);
    expect(log.map((e) => e.reference)).not.toContain(kept.reference);
    const entry = log.find((e) => e.reference === published.reference);
    expect(Object.keys(entry).sort()).toEqual(['decidedOn', 'files', 'outcome', 'receivedOn', 'reference', 'summary']);
    expect(entry).toMatchObject({ outcome: 'granted', summary: 'The cleaning contract of the Office, 2026' });
    expect(JSON.stringify(log)).not.toMatch(/Besnik|example\.org|\+383|Nëna Terezë/);
  });

  it("counts each month's requests, answered in time or late, by outcome, with the median days to answer", async () => {
    const before = (await api('request-statistics')).data as any[];
    const month = before.at(-1)?.month;
    const late = await submit('late@example.org');
    await app.strapi.db
      .query(REQUESTS as never)
      .update({ where: { documentId: late.documentId }, data: { dueAt: new Date(Date.now() - 60_000) } as never });
    await takeStep(
      app.strapi,
      'documentRequest',
      late.documentId,
      'refuse',
      { answer: 'No.', reason: 'Personal data of third parties', legalGround: 'Article 17(1.1)' },
      'officer@example.org',
    );
    await submit('open@example.org');
    const after = ((await api('request-statistics')).data as any[]).find((m) => m.month === month);
    const was = before.find((m) => m.month === month) ?? {
      received: 0,
      answered: 0,
      answeredLate: 0,
      open: 0,
      outcomes: { refused: 0 },
    };
    expect(after.received - was.received).toBe(2);
    expect(after.answered - was.answered).toBe(1);
    expect(after.answeredLate - was.answeredLate).toBe(1);
    expect(after.open - was.open).toBe(1);
    expect(after.outcomes.refused - was.outcomes.refused).toBe(1);
    expect(after.medianDaysToAnswer).toBe(0);
  });
});

describe('retention', () => {
  it('erases the personal data of submissions answered longer ago than the period, and keeps the anonymous record', async () => {
    const old = await submit('old@example.org');
    const recent = await submit('recent@example.org');
    for (const { documentId } of [old, recent])
      await takeStep(
        app.strapi,
        'documentRequest',
        documentId,
        'not-held',
        { answer: 'The Office does not hold it.' },
        'officer@example.org',
      );
    await app.strapi.db
      .query(REQUESTS as never)
      .update({ where: { documentId: old.documentId }, data: { answeredAt: monthsAgo(25) } as never });
    await app.strapi.db
      .query(REQUESTS as never)
      .update({ where: { documentId: recent.documentId }, data: { answeredAt: monthsAgo(23) } as never });
    const open = await submit('still-open@example.org');
    await app.strapi.db
      .query(REQUESTS as never)
      .update({ where: { documentId: open.documentId }, data: { createdAt: monthsAgo(30) } as never });
    const statisticsBefore = JSON.stringify((await api('request-statistics')).data);

    expect(await eraseExpired(app.strapi, 24)).toBe(1);
    const erased = await row(old.documentId);
    expect(erased).toMatchObject({
      name: null,
      email: null,
      phone: null,
      address: null,
      description: null,
      status: 'not-held',
      outcome: 'not-held',
      reference: old.reference,
    });
    expect(erased.erasedAt).toBeTruthy();
    expect(
      Number(
        (
          (await app.strapi.db
            .connection(OUTBOX)
            .where('key', 'like', `${old.reference}:%`)
            .count({ n: '*' })) as Array<{ n: number | string }>
        )[0].n,
      ),
    ).toBe(0);
    expect(JSON.stringify(await app.strapi.db.connection(EVENTS).where('reference', old.reference))).not.toContain(
      'old@example.org',
    );
    expect(await row(recent.documentId)).toMatchObject({ email: 'recent@example.org' });
    expect(await row(open.documentId)).toMatchObject({ email: 'still-open@example.org' });
    // The statistics are the same with the personal data gone; a second run erases nothing more.
    expect(JSON.stringify((await api('request-statistics')).data)).toBe(statisticsBefore);
    expect(await eraseExpired(app.strapi, 24)).toBe(0);
  });
});
