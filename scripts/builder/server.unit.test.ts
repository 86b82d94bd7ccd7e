import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviewRenderer } from './preview';
import { Builder } from './builder';
import { builderServer, MAX_BODY } from './server';
import { SECRET, strapiEvent, testConfig } from './test-support';

const apps: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

function setup() {
  const builder = new Builder(testConfig({ QUIET_MS: '60000', MAX_WAIT_MS: '60000' }), () => {});
  const logged: string[] = [];
  const app = builderServer(builder, SECRET, undefined, (line) => logged.push(line));
  apps.push(app);
  return { app, builder, logged };
}

const auth = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };

describe('POST /webhook', () => {
  it('acknowledges a Strapi event at once with the build it joined', async () => {
    const { app, builder } = setup();
    const res = await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: strapiEvent() });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 'entry.publish', build: expect.stringMatching(/^\d{8}T\d{6}Z-/) });
    expect(builder.status().queued).toHaveLength(1);
  });

  it('answers 401 to a wrong or missing secret, and queues nothing', async () => {
    const { app, builder } = setup();
    for (const authorization of [undefined, 'Bearer wrong-secret-0123456789', SECRET, `Basic ${SECRET}`]) {
      const res = await app.inject({
        method: 'POST',
        url: '/webhook',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        payload: strapiEvent(),
      });
      expect(res.statusCode, String(authorization)).toBe(401);
    }
    expect(builder.status().queued).toHaveLength(0);
  });

  it('answers 400 to a body that is not JSON or not a Strapi event', async () => {
    const { app } = setup();
    const notJson = await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: '{not json' });
    expect(notJson.statusCode).toBe(400);
    const plain = await app.inject({
      method: 'POST',
      url: '/webhook',
      headers: { ...auth, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(plain.statusCode).toBe(400);
    const other = await app.inject({
      method: 'POST',
      url: '/webhook',
      headers: auth,
      payload: { event: 'trigger-test', createdAt: 'x' },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatch(/not a Strapi webhook event/);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const { app } = setup();
    const res = await app.inject({
      method: 'POST',
      url: '/webhook',
      headers: auth,
      payload: { ...strapiEvent(), pad: 'x'.repeat(MAX_BODY) },
    });
    expect(res.statusCode).toBe(413);
  });

  it('answers 405 to any other method', async () => {
    const { app } = setup();
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const) {
      expect((await app.inject({ method, url: '/webhook', headers: auth })).statusCode, method).toBe(405);
    }
  });
});

describe('refused webhooks', () => {
  it('are logged with their status and reason, a flood of one kind as one line', async () => {
    const { app, logged } = setup();
    for (let i = 0; i < 20; i += 1)
      await app.inject({
        method: 'POST',
        url: '/webhook',
        headers: { ...auth, authorization: 'Bearer wrong-secret-0123456789' },
        payload: strapiEvent(),
      });
    await app.inject({
      method: 'POST',
      url: '/webhook',
      headers: { 'content-type': 'application/json' },
      payload: strapiEvent(),
    });
    await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: '{"not":"strapi"}' });
    await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: 'not json' });
    expect(logged).toEqual([
      expect.stringMatching(/^refused a webhook with 401: Wrong secret \(from 127\.0\.0\.1\)$/),
      expect.stringMatching(/^refused a webhook with 401: Missing secret/),
      expect.stringMatching(/^refused a webhook with 400: The body is not a Strapi webhook event/),
      expect.stringMatching(/^refused a webhook with 400: Body is not valid JSON/),
    ]);
  });
});

describe('status and health', () => {
  it('reports the live build, the running one, the queue and the history', async () => {
    const { app } = setup();
    await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: strapiEvent() });
    const status = (await app.inject({ method: 'GET', url: '/status' })).json();
    expect(status).toMatchObject({ live: null, running: null, builds: [] });
    expect(status.queued[0]).toMatchObject({ event: 'entry.publish', uid: 'api::release.release', documentId: 'doc1' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true });
  });

  it('refuses a rollback without the secret, and to a build it does not keep', async () => {
    const { app } = setup();
    expect((await app.inject({ method: 'POST', url: '/rollback/20260101T000000Z-abcd' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/rollback/20260101T000000Z-abcd', headers: auth, payload: {} }))
        .statusCode,
    ).toBe(404);
    for (const id of ['current', '%2E%2E', '%2E', '.spare', '%2E%2E%2F%2E%2E%2Fetc']) {
      const res = await app.inject({ method: 'POST', url: `/rollback/${id}`, headers: auth, payload: {} });
      expect(res.statusCode, id).toBe(404);
    }
  });
});

describe('GET /preview-assets', () => {
  it('serves a preview’s own files, typed, and nothing outside them in any spelling', async () => {
    const config = testConfig({ PREVIEW_SECRET: 'preview-secret-0123456789' });
    const renderer = new PreviewRenderer(config);
    const key = '0123456789abcdef';
    const out = path.join(renderer.root, key, 'out');
    fs.mkdirSync(path.join(out, 'media', 'fedcba9876543210'), { recursive: true });
    fs.writeFileSync(path.join(out, 'media', 'fedcba9876543210', 'decision.pdf'), '%PDF-1.7');
    fs.writeFileSync(path.join(renderer.root, key, 'entry.json'), '{"draft":"not public"}');
    fs.writeFileSync(path.join(config.BUILDS_DIR, 'secret.txt'), 'secret');
    const app = builderServer(new Builder(config, () => {}), SECRET, { renderer });
    apps.push(app);
    const file = await app.inject({ url: `/preview-assets/${key}/media/fedcba9876543210/decision.pdf` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['cache-control']).toBe('private, max-age=3600');
    for (const spelling of [
      '../entry.json',
      '..%2fentry.json',
      '%2e%2e/entry.json',
      '..%5centry.json',
      '../../../secret.txt',
      '..%2f..%2f..%2fsecret.txt',
      '%2fetc%2fpasswd',
    ]) {
      const res = await app.inject({ url: `/preview-assets/${key}/${spelling}` });
      expect(res.statusCode, spelling).toBe(404);
      expect(res.body, spelling).not.toMatch(/not public|secret$/);
    }
    expect(
      (await app.inject({ url: `/preview-assets/..%2f${key}/out/media/fedcba9876543210/decision.pdf` })).statusCode,
    ).toBe(404);
  });
});
