import { afterEach, describe, expect, it } from 'vitest';
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
      const res = await app.inject({ method: 'POST', url: '/webhook', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, payload: strapiEvent() });
      expect(res.statusCode, String(authorization)).toBe(401);
    }
    expect(builder.status().queued).toHaveLength(0);
  });

  it('answers 400 to a body that is not JSON or not a Strapi event', async () => {
    const { app } = setup();
    const notJson = await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: '{not json' });
    expect(notJson.statusCode).toBe(400);
    const plain = await app.inject({ method: 'POST', url: '/webhook', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(plain.statusCode).toBe(400);
    const other = await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: { event: 'trigger-test', createdAt: 'x' } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatch(/not a Strapi webhook event/);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const { app } = setup();
    const res = await app.inject({ method: 'POST', url: '/webhook', headers: auth, payload: { ...strapiEvent(), pad: 'x'.repeat(MAX_BODY) } });
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
    for (let i = 0; i < 20; i += 1) await app.inject({ method: 'POST', url: '/webhook', headers: { ...auth, authorization: 'Bearer wrong-secret-0123456789' }, payload: strapiEvent() });
    await app.inject({ method: 'POST', url: '/webhook', headers: { 'content-type': 'application/json' }, payload: strapiEvent() });
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
    expect((await app.inject({ method: 'POST', url: '/rollback/20260101T000000Z-abcd', headers: auth, payload: {} })).statusCode).toBe(404);
    for (const id of ['current', '%2E%2E', '%2E', '.spare', '%2E%2E%2F%2E%2E%2Fetc']) {
      const res = await app.inject({ method: 'POST', url: `/rollback/${id}`, headers: auth, payload: {} });
      expect(res.statusCode, id).toBe(404);
    }
  });
});
