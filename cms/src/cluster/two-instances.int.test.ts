import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';
import { withLease } from './lease';
import { scheduleErrors } from '../editorial/schedule';

/**
 * Two CMS instances on one database, as behind a balancer: this process and a child
 * process, both running the scheduling cron every second.
 */
const deliveries: Array<{ event: string; documentId?: string; locale?: string }> = [];
const sink = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    // The alerts ask the builder's /status whether the site shows an item: this builder has none.
    if (req.method !== 'POST') return void res.writeHead(404).end();
    const payload = JSON.parse(body) as { event: string; entry?: { documentId: string; locale: string } };
    deliveries.push({ event: payload.event, documentId: payload.entry?.documentId, locale: payload.entry?.locale });
    res.writeHead(202).end('{}');
  });
});

let app: TestStrapi;
let other: ChildProcess;
let otherLog = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const env = {
    CRON_ENABLED: 'true',
    SCHEDULE_EVERY_SECONDS: '1',
    BUILDER_WEBHOOK_URL: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/webhook`,
    BUILDER_WEBHOOK_SECRET: 'two-instances-secret-0123456789',
  };
  app = await startStrapi({ listen: true, env });
  // startStrapi put this instance's database, secrets and settings into the environment: the other shares them.
  other = spawn(process.execPath, [path.join(__dirname, '..', '..', 'test', 'instance.cjs')], {
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  other.stdout!.on('data', (d) => (otherLog += d));
  other.stderr!.on('data', (d) => (otherLog += d));
  const deadline = Date.now() + 120_000;
  while (!otherLog.includes('instance ready')) {
    if (other.exitCode !== null || Date.now() > deadline)
      throw new Error(`the second instance did not start:\n${otherLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(async () => {
  if (other && other.exitCode === null) {
    other.kill('SIGTERM');
    await new Promise((r) => other.once('exit', r));
  }
  await app?.stop();
  sink.close();
  for (const key of ['CRON_ENABLED', 'SCHEDULE_EVERY_SECONDS', 'BUILDER_WEBHOOK_URL', 'BUILDER_WEBHOOK_SECRET'])
    delete process.env[key];
});

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the other instance's log:\n${otherLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('two CMS instances on one database', () => {
  it('publish a release scheduled once exactly once, with one webhook per language', async () => {
    for (let round = 0; round < 3; round += 1) {
      const publishAt = new Date(Date.now() + 1500).toISOString();
      const documentId = await createRelease(
        app.strapi,
        { sq: `Planifikuar një herë ${round}`, en: `Scheduled once ${round}` },
        [],
        { publishAt },
      );
      await until(async () => {
        const live = await app.strapi.db
          .query('api::release.release')
          .findMany({ where: { documentId, publishedAt: { $notNull: true } } });
        return live.length === 2;
      }, 'the scheduled release to be published');
      // Both crons had several ticks after the time: a second publish would have sent more.
      await new Promise((r) => setTimeout(r, 3000));
      const sent = deliveries.filter((d) => d.event === 'entry.publish' && d.documentId === documentId);
      expect(sent.map((d) => d.locale).sort(), `round ${round}`).toEqual(['en', 'sq']);
    }
    expect(otherLog).not.toMatch(/Scheduled publishing failed/);
  });

  it("keep the desk's errors in the database, whichever instance met them", async () => {
    const documentId = await createRelease(app.strapi, { sq: 'Pa përmbledhje' }, [], {
      publishAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await app.strapi
      .documents('api::release.release')
      .update({ documentId, locale: 'sq', data: { summary: null } as never });
    await until(
      async () => (await scheduleErrors(app.strapi)).has(`${documentId}:sq`),
      'the publish error to be recorded',
    );
    expect((await scheduleErrors(app.strapi)).get(`${documentId}:sq`)).toMatch(/summary/i);
  });
});

describe('a lease', () => {
  it('lets one holder at a time run the work, and frees itself when the work is done', async () => {
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 300));
      running -= 1;
    };
    const runs = await Promise.all(
      ['a', 'b', 'c'].map((holder) => withLease(app.strapi, 'test-lease', 60_000, work, holder)),
    );
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(most).toBe(1);
    expect(await withLease(app.strapi, 'test-lease', 60_000, async () => 'again', 'b')).toEqual({
      ran: true,
      value: 'again',
    });
  });

  it('is taken over when a holder died holding it, once its time is up', async () => {
    const knex = app.strapi.db.connection;
    await knex('newsroom_leases').insert({ name: 'crashed', holder: 'gone', expires_at: Date.now() + 60_000 });
    expect((await withLease(app.strapi, 'crashed', 1000, async () => 1, 'b')).ran).toBe(false);
    await knex('newsroom_leases')
      .where({ name: 'crashed' })
      .update({ expires_at: Date.now() - 1 });
    expect((await withLease(app.strapi, 'crashed', 1000, async () => 1, 'b')).ran).toBe(true);
  });
});
