import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_EVENTS, LOCALE_CODES, PUBLIC_READ_UIDS } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';

const SECRET = 'builder-secret-0123456789';
const received: Array<{
  auth: string | undefined;
  body: { event: string; uid?: string; entry?: { documentId?: string } };
}> = [];
let receiver: http.Server;
let webhookUrl: string;
let app: TestStrapi;

const ENV = () => ({
  BUILDER_WEBHOOK_URL: webhookUrl,
  BUILDER_WEBHOOK_SECRET: SECRET,
  ADMIN_EMAIL: 'editor@example.org',
  ADMIN_PASSWORD: 'Editor-password-1',
});

async function state(strapi = app.strapi) {
  const locales = (await strapi.plugin('i18n').service('locales').find())
    .map((l: { code: string; name: string }) => `${l.code}: ${l.name}`)
    .sort();
  const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const permissions = (
    await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } })
  )
    .map((p: { action: string }) => p.action)
    .sort();
  const webhooks = (await strapi.get('webhookStore').findWebhooks()).map((w: Record<string, unknown>) => ({
    ...w,
    events: [...(w.events as string[])].sort(),
  }));
  const admins = await strapi.db.query('admin::user').count();
  return { locales, defaultLocale, permissions, webhooks, admins };
}

/** Every table's rows, counted. */
async function rowCounts(strapi: TestStrapi['strapi']) {
  const knex = strapi.db.connection;
  const tables: string[] =
    strapi.db.dialect.client === 'sqlite'
      ? (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r: { name: string }) => r.name)
      : (await knex.raw('SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).rows.map(
          (r: { tablename: string }) => r.tablename,
        );
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) counts[table] = Number((await knex(table).count({ n: '*' }))[0].n);
  return counts;
}

/** The state this start left, before the tests change it. */
let firstStart: { state: Awaited<ReturnType<typeof state>>; rows: Record<string, number> };

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  // The first start itself, not a copy of the run's (test/first-boot.ts).
  app = await startStrapi({ fresh: true, env: ENV() });
  firstStart = { state: await state(), rows: await rowCounts(app.strapi) };
});

afterAll(async () => {
  await app?.stop();
  receiver?.close();
});

describe('bootstrap', () => {
  it("runs on the database the environment names (PostgreSQL in CI's second pass)", () => {
    const client = String(
      (app.strapi.db.connection as unknown as { client: { config: { client: string } } }).client.config.client,
    );
    expect(client).toMatch(process.env.DATABASE_URL ? /^(pg|postgres)/ : /sqlite/);
  });

  it('creates the three locales, each named in its own language, with Albanian as the default', async () => {
    const { locales, defaultLocale } = await state();
    expect(locales).toEqual(['en: English (en)', 'sq: Shqip (sq)', 'sr-Latn: Srpski (sr-Latn)']);
    expect(locales.map((l) => l.split(':')[0])).toEqual([...LOCALE_CODES].sort());
    expect(defaultLocale).toBe('sq');
  });

  it('lets the Public role find and findOne the published types, and nothing else', async () => {
    const { permissions } = await state();
    expect(permissions).toEqual(PUBLIC_READ_UIDS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]).sort());
  });

  it('creates the configured super admin', async () => {
    const admin = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'editor@example.org' }, populate: ['roles'] });
    expect(admin?.isActive).toBe(true);
    expect(admin?.roles.map((r: { code: string }) => r.code)).toContain('strapi-super-admin');
  });

  it('keeps exactly one builder webhook, with the secret, for the build events', async () => {
    const { webhooks } = await state();
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toMatchObject({
      url: webhookUrl,
      headers: { Authorization: `Bearer ${SECRET}` },
      isEnabled: true,
      events: [...BUILD_EVENTS].sort(),
    });
  });

  it('gives the same state when it runs again', async () => {
    const before = await state();
    await app.bootstrap();
    await app.bootstrap();
    expect(await state()).toEqual(before);
  });

  it("repairs what was changed by hand: a duplicate webhook, a stray permission, a lost default, a language's name", async () => {
    const { strapi } = app;
    const before = await state();
    await strapi
      .get('webhookStore')
      .createWebhook({ name: 'copy', url: webhookUrl, headers: {}, events: ['entry.create'] });
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::release.release.create', role: role.id } });
    await strapi.plugin('i18n').service('locales').setDefaultLocale({ code: 'en' });
    // An installation from before languages were named in their own language.
    await strapi.plugin('i18n').service('locales').update({ code: 'sq' }, { name: 'Albanian (sq)' });
    await app.bootstrap();
    const after = await state();
    expect(after.locales).toEqual(before.locales);
    expect(after.permissions).toEqual(before.permissions);
    expect(after.defaultLocale).toBe('sq');
    expect(after.webhooks).toHaveLength(1);
    expect(after.webhooks[0]).toMatchObject({ url: webhookUrl, headers: { Authorization: `Bearer ${SECRET}` } });
  });

  it('makes the webhook fire on publish without a restart, with the secret', async () => {
    received.length = 0;
    const documentId = await createRelease(app.strapi, { sq: 'Njoftim për webhook' }, ['sq']);
    await expect.poll(() => received.find((r) => r.body.event === 'entry.publish'), { timeout: 10_000 }).toBeTruthy();
    const publish = received.find((r) => r.body.event === 'entry.publish')!;
    expect(publish.auth).toBe(`Bearer ${SECRET}`);
    expect(publish.body.uid).toBe('api::release.release');
    expect(publish.body.entry?.documentId).toBe(documentId);
  });

  it('follows a new URL and secret on the next start', async () => {
    Object.assign(process.env, {
      BUILDER_WEBHOOK_URL: 'http://127.0.0.1:9/other',
      BUILDER_WEBHOOK_SECRET: 'another-secret-0123456789',
    });
    await app.bootstrap();
    const { webhooks } = await state();
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toMatchObject({
      url: 'http://127.0.0.1:9/other',
      headers: { Authorization: 'Bearer another-secret-0123456789' },
    });
  });

  // Every other test's Strapi starts so (test/first-boot.ts). Last: one Strapi runs in a process at a time.
  it("reaches, from a copy of the run's first start and its own settings, the state a first start reaches", async () => {
    await app.stop();
    app = await startStrapi({ env: ENV() });
    expect(await state()).toEqual(firstStart.state);
    expect(await rowCounts(app.strapi)).toEqual(firstStart.rows);
  });
});
