import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';
import { deliveryState } from './deliveries';
import { BEHIND_AFTER_MS, siteStatus } from './site-status';

/** A stand-in for the builder: its webhook answers as told, its /status names a live build. */
let answer = 401;
let liveStartedAt = new Date(Date.now() - 3600_000).toISOString();
const received: string[] = [];
const builder = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (req.url === '/status') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          live: { id: '20260101T000000Z-live', startedAt: liveStartedAt },
          running: null,
          queued: [],
        }),
      );
      return;
    }
    received.push(body);
    res
      .writeHead(answer, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(answer === 401 ? { error: 'Wrong secret' } : { accepted: true }));
  });
});

let app: TestStrapi;
let webhookUrl: string;
let token: string;
const errors: string[] = [];

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => builder.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(builder.address() as AddressInfo).port}/webhook`;
  app = await startStrapi({
    listen: true,
    env: {
      BUILDER_WEBHOOK_URL: webhookUrl,
      BUILDER_WEBHOOK_SECRET: 'a-secret-the-builder-does-not-know',
      ADMIN_EMAIL: 'sync@example.org',
      ADMIN_PASSWORD: 'Sync-password-1',
    },
  });
  const log = app.strapi.log.error.bind(app.strapi.log);
  app.strapi.log.error = ((message: unknown) => {
    errors.push(String(message));
    return log(message as never);
  }) as never;
  const res = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'sync@example.org', password: 'Sync-password-1' }),
  });
  token = ((await res.json()) as { data: { token: string } }).data.token;
});

afterAll(async () => {
  await app?.stop();
  builder.close();
  for (const key of ['BUILDER_WEBHOOK_URL', 'BUILDER_WEBHOOK_SECRET']) delete process.env[key];
});

const desk = async () =>
  (
    (await (
      await fetch(`${app.url}/newsroom/editorial`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { site: any }
  ).site;

describe('whether the site follows the CMS', () => {
  it('logs a refused delivery with its status and shows the desk that the site is behind since then', async () => {
    const before = new Date().toISOString();
    const documentId = await createRelease(app.strapi, { sq: 'E refuzuar nga ndërtuesi' }, ['sq']);
    // The draft's creation is sent too, before the publish: wait for the publish's refusal.
    const refused = new RegExp(
      `Webhook "Newsroom site builder" failed with 401 for entry.publish api::release.release ${documentId}`,
    );
    await until(
      async () => Boolean((await deliveryState(app.strapi)).failingSince) && refused.test(errors.join('\n')),
      'the failed delivery to be recorded',
    );
    expect(received.some((b) => b.includes(documentId))).toBe(true);
    const site = await desk();
    expect(site.behindSince >= before).toBe(true);
    expect(site.reasons.join(' ')).toMatch(/refused the last change sent to it \(401: .*Wrong secret/);
    expect(site.lastDelivery).toMatchObject({
      ok: false,
      status: 401,
      event: expect.stringMatching(/^entry\.(create|publish)$/),
    });
  });

  it('stops saying so once a delivery succeeds and the live build has every change', async () => {
    answer = 202;
    liveStartedAt = new Date(Date.now() + 60_000).toISOString();
    await createRelease(app.strapi, { sq: 'E pranuar nga ndërtuesi' }, ['sq']);
    await until(
      async () => (await deliveryState(app.strapi)).failingSince === null,
      'a successful delivery to be recorded',
    );
    const site = await desk();
    expect(site).toMatchObject({ behindSince: null, reasons: [], lastDelivery: { ok: true, status: 202 } });
    expect(site.liveBuild.id).toBe('20260101T000000Z-live');
  });

  it('says the site is behind when the live build started before a publish a few minutes old, even if every delivery succeeded', async () => {
    liveStartedAt = new Date(Date.now() - 60_000).toISOString();
    await createRelease(app.strapi, { sq: 'Pas ndërtimit' }, ['sq']);
    const soon = await siteStatus(app.strapi, webhookUrl, new Date());
    expect(soon.behindSince).toBeNull();
    const later = await siteStatus(app.strapi, webhookUrl, new Date(Date.now() + BEHIND_AFTER_MS + 1000));
    expect(later.behindSince! > liveStartedAt).toBe(true);
    expect(later.reasons.join(' ')).toMatch(/started before changes published since/);
  });

  it('says so when the builder does not answer', async () => {
    const status = await siteStatus(app.strapi, 'http://127.0.0.1:9/webhook', new Date());
    expect(status.reasons.join(' ')).toMatch(/does not answer at http:\/\/127\.0\.0\.1:9\/status/);
  });
});
