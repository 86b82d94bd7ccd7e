import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { startStrapi, type TestStrapi, createRelease } from '@newsroom/cms/testing';
import { Builder, type BuildRecord } from './builder';
import { builderServer } from './server';
import { staticServer } from './static-server';
import { SECRET, strapiEvent } from './test-support';
import { loadBuilderConfig } from './config';
import { PreviewRenderer } from './preview';
import { CmsCheck } from './cms-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { opensslRecipe, RECORD_FILE, verifyPublication } from '@newsroom/shared-types';
import { ensureSigningKeyFile } from '../authenticity/keys';
import { httpSiteFiles } from '../authenticity/site-files';

/** Publish in the CMS → webhook → build → served, end to end, with the real site build. */
const PREVIEW_SECRET = 'preview-secret-for-the-e2e-test';
let cms: TestStrapi;
let builder: Builder;
let api: FastifyInstance;
let site: FastifyInstance;
let siteUrl: string;
let apiUrl: string;
let buildsDir: string;
const logs: string[] = [];

const address = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

async function nextBuild(after: number): Promise<BuildRecord> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const { builds } = builder.status();
    const done = builds.filter((b) => b.result !== 'running');
    if (done.length > after && !builder.queue.isRunning && builder.queue.queued.length === 0) return done[0];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no build finished; log:\n${logs.join('\n')}`);
}

/** Waits for a build that makes `address` answer `status`, and returns it. */
async function untilServed(address: string, status: number): Promise<BuildRecord> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    // The live record is read after the page answers: read before, a switch in between would name the build before.
    if ((await get(address)).status === status) {
      const live = builder.liveRecord();
      if (live) return live;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${address} never answered ${status}; log:\n${logs.join('\n')}`);
}

const finished = () => builder.status().builds.filter((b) => b.result !== 'running').length;
const get = (p: string) => fetch(`${siteUrl}${p}`);

beforeAll(async () => {
  const keyFile = ensureSigningKeyFile(
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-key-')), 'signing-key.pem'),
  );
  const config = loadBuilderConfig({
    SIGNING_KEY_FILE: keyFile,
    BUILDER_WEBHOOK_SECRET: SECRET,
    BUILDS_DIR: (buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'))),
    QUIET_MS: '300',
    MAX_WAIT_MS: '3000',
    PREVIEW_SECRET,
  });
  builder = new Builder(config, (line) => logs.push(line));
  api = builderServer(builder, SECRET, { renderer: new PreviewRenderer(config) }, (line) => logs.push(line));
  site = staticServer(config.BUILDS_DIR);
  await api.listen({ host: '127.0.0.1', port: 0 });
  await site.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = address(api);
  siteUrl = address(site);
  cms = await startStrapi({
    listen: true,
    env: {
      BUILDER_WEBHOOK_URL: `${apiUrl}/webhook`,
      BUILDER_WEBHOOK_SECRET: SECRET,
      PREVIEW_URL: apiUrl,
      PREVIEW_SECRET,
      CRON_ENABLED: 'true',
      ADMIN_EMAIL: 'e2e@example.org',
      ADMIN_PASSWORD: 'E2e-password-1',
    },
  });
  config.CMS_URL = cms.url;
  await createRelease(cms.strapi, { sq: 'Lajmi i parë', 'sr-Latn': 'Prva vest', en: 'First news' }, [
    'sq',
    'sr-Latn',
    'en',
  ]);
  const before = finished();
  builder.accept({ event: 'builder.start' });
  const first = await nextBuild(before);
  expect(first.result, first.error).toBe('live');
});

afterAll(async () => {
  await builder?.close();
  await Promise.all([api?.close(), site?.close()]);
  await cms?.stop();
});

describe('publish to live', () => {
  it('shows a release published in the CMS on the site and in its feed, then removes it when unpublished', async () => {
    let before = finished();
    const documentId = await createRelease(cms.strapi, { sq: 'Komunikatë e re nga webhook' }, ['sq']);
    const published = await nextBuild(before);
    expect(published.result, published.error).toBe('live');
    expect(published.trigger.some((e) => e.event === 'entry.publish' && e.documentId === documentId)).toBe(true);
    const page = await get('/sq/komunikata/komunikate-e-re-nga-webhook/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Komunikatë e re nga webhook');
    expect(await (await get('/sq/komunikata/rss.xml')).text()).toContain(`urn:newsroom:release:${documentId}:sq`);
    const verify = (address: string) => verifyPublication(httpSiteFiles(siteUrl), { address }, siteUrl);
    expect(await verify('/sq/komunikata/komunikate-e-re-nga-webhook/')).toMatchObject({
      outcome: 'authentic',
      state: 'current',
      record: { documentId, title: 'Komunikatë e re nga webhook' },
    });
    // The search bundles are served from the builder's store, through the build's links to them.
    const bundles = (await (await get('/pagefind/shards.json')).json()) as Record<string, string[]>;
    const entry = await get(`${bundles.sq[0]}pagefind-entry.json`);
    expect(entry.status).toBe(200);
    expect(Object.keys(((await entry.json()) as { languages: object }).languages)).toEqual(['sq']);
    expect(fs.lstatSync(path.join(buildsDir, 'current', bundles.sq[0].replace(/\/$/, ''))).isSymbolicLink()).toBe(true);

    before = finished();
    await cms.strapi.documents('api::release.release').unpublish({ documentId, locale: 'sq' });
    const unpublished = await nextBuild(before);
    expect(unpublished.result, unpublished.error).toBe('live');
    // Its address was public: it now answers 410 Gone, in Albanian.
    const gone = await get('/sq/komunikata/komunikate-e-re-nga-webhook/');
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Kjo faqe është hequr');
    expect(await (await get('/sq/komunikata/rss.xml')).text()).not.toContain(documentId);
    expect(unpublished.authenticity?.events).toEqual({ unpublished: 1 });
    expect(await verify('/sq/komunikata/komunikate-e-re-nga-webhook/')).toMatchObject({
      outcome: 'authentic',
      state: 'unpublished',
    });
  });

  it('signs every published item in every language, verifiably with the published key and with plain openssl', async () => {
    const live = path.join(buildsDir, 'current');
    const records = fs
      .readdirSync(live, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === RECORD_FILE)
      .map((e) => `/${path.relative(live, e.parentPath)}/`);
    // Each item page in each language has its record beside it, and nothing else has one.
    const pages = fs
      .readdirSync(live, { recursive: true })
      .map(String)
      .filter((f) => /^(sq|sr|en)\/(komunikata|saopstenja|press-releases)\/[^/]*[a-z][^/]*\/index\.html$/.test(f))
      .map((f) => `/${path.dirname(f)}/`);
    expect(records.sort()).toEqual(pages.sort());
    for (const address of records)
      expect(await verifyPublication(httpSiteFiles(siteUrl), { address }, siteUrl), address).toMatchObject({
        outcome: 'authentic',
        state: 'current',
      });
    const page = records.find((r) => r.startsWith('/en/'))!;
    const html = await (await get(page)).text();
    const signature = html.match(/<link rel="signature" type="application\/json" href="([^"]+)"/)?.[1];
    expect((await get(signature!)).status).toBe(200);

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'openssl-recipe-'));
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const recipe = readme
      .match(/```sh\n(SITE=[\s\S]*?)```/)![1]
      .trim()
      .split('\n');
    // The README's recipe is the one the verify page shows, for the README's example site.
    const [site, example] = recipe.slice(0, 2).map((l) => l.replace(/^\w+=/, ''));
    expect(recipe).toEqual(opensslRecipe(site!, example!));
    const script = [...opensslRecipe(siteUrl, `${siteUrl}${page}`)].join('\n');
    // Not execFileSync: the site is served from this process, which must go on answering curl.
    const { stdout: output } = await promisify(execFile)('bash', ['-e', '-c', script], { cwd: work, encoding: 'utf8' });
    expect(output).toContain('Signature Verified Successfully');
    const keys = (await (await get('/.well-known/newsroom-keys.json')).json()) as { keys: { fingerprint: string }[] };
    expect(output).toContain(keys.keys[0]!.fingerprint);

    // npm run verify says what the page says, and fails what is not the office's.
    const cli = (...args: string[]) =>
      promisify(execFile)('npx', ['tsx', path.join(import.meta.dirname, '..', 'authenticity', 'cli.ts'), ...args], {
        encoding: 'utf8',
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const byAddress = await cli(`${siteUrl}${page}`);
    expect(byAddress.code, byAddress.stdout).toBe(0);
    expect(byAddress.stdout).toMatch(/^AUTHENTIC: signed by key [0-9a-f]{16}, entry \d+ of \d+ in the log/);
    const text = path.join(work, 'text.txt');
    fs.writeFileSync(
      text,
      `${(JSON.parse(fs.readFileSync(path.join(work, 'record.json'), 'utf8')) as { text: string }).text}\n`,
    );
    expect((await cli('--text', text, '--site', siteUrl)).stdout).toContain(`this version: current`);
    fs.appendFileSync(text, 'and one more sentence.');
    expect(await cli('--text', text, '--site', siteUrl)).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^NOT-PUBLISHED/),
    });
    expect(await cli('--log', '--site', siteUrl)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^LOG OK: \d+ entries/),
    });
  });

  it('publishes a scheduled release through the cron and the webhook when its time comes', async () => {
    const before = finished();
    const publishAt = new Date(Date.now() + 2000).toISOString();
    const documentId = await createRelease(cms.strapi, { en: 'Scheduled for now' }, [], { publishAt });
    const published = (b: BuildRecord) =>
      b.trigger.some((e) => e.event === 'entry.publish' && e.documentId === documentId);
    // The draft's creation is a build event too (a type without drafts is public when created): then comes the cron's publish.
    let build = await nextBuild(before);
    for (let builds = 1; !published(build) && builds < 3; builds += 1) build = await nextBuild(finished());
    expect(build.result, build.error).toBe('live');
    expect(published(build)).toBe(true);
    expect((await get('/en/press-releases/scheduled-for-now/')).status).toBe(200);
  });

  it("shows an editor a draft in the site's templates through the admin's preview link, and nobody else", async () => {
    const documentId = await createRelease(cms.strapi, { en: 'Draft under preview' });
    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'e2e@example.org', password: 'E2e-password-1' }),
    });
    const token = ((await login.json()) as any).data.token;
    const link = await fetch(
      `${cms.url}/content-manager/preview/url/api::release.release?documentId=${documentId}&locale=en&status=draft`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const url = ((await link.json()) as any).data.url as string;
    expect(url.startsWith(`${apiUrl}/preview/release/${documentId}/en?`)).toBe(true);

    // At once a page that says the preview is being rendered and looks again; then the draft.
    const waiting = await fetch(url);
    expect(waiting.status).toBe(202);
    expect(await waiting.text()).toMatch(/<meta http-equiv="refresh" content="\d+">.*Preparing the preview/s);
    let page = waiting;
    for (let look = 0; look < 120 && page.status === 202; look += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      page = await fetch(url);
    }
    expect(page.status).toBe(200);
    const html = await page.text();
    // Everything the page loads comes from the preview's own files on the builder.
    const loaded = [...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)]
      .map((m) => m[1])
      .filter((u) => /\.(svg|css|js|avif|webp|jpe?g|png|pdf)$/.test(u));
    expect(loaded.length).toBeGreaterThan(0);
    for (const asset of loaded) {
      expect(asset, asset).toMatch(/^\/preview-assets\/[0-9a-f]{16}\//);
      expect((await fetch(`${apiUrl}${asset}`)).status, asset).toBe(200);
    }
    expect(html).toContain('<h1>Draft under preview</h1>');
    expect(html).toContain('Preview of a draft');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(page.headers.get('cache-control')).toBe('no-store');

    const withoutToken = await fetch(url.replace(/token=[^&]+/, 'token='));
    expect(withoutToken.status).toBe(403);
    expect(await withoutToken.text()).not.toContain('Draft under preview');
    expect((await fetch(url.replace(`/en?`, '/sq?'))).status).toBe(403);
    // Nothing of the draft in the public site.
    expect((await get('/en/press-releases/draft-under-preview/')).status).toBe(404);
    expect(await (await get('/en/rss.xml')).text()).not.toContain('Draft under preview');
  });

  it("still brings a publish and an unpublish to the site when the CMS's webhook secret is wrong", async () => {
    // The builder now expects another secret: every webhook the CMS sends is refused.
    const port = Number(new URL(apiUrl).port);
    await api.close();
    api = builderServer(builder, 'a-secret-the-cms-has-never-heard-of', undefined, (line) => logs.push(line));
    await api.listen({ host: '127.0.0.1', port });
    const check = new CmsCheck(
      builder,
      () => cms.url,
      1000,
      (line) => logs.push(line),
    );
    check.start();
    try {
      const address = '/sq/komunikata/pa-webhook-te-pranuar/';
      const documentId = await createRelease(cms.strapi, { sq: 'Pa webhook të pranuar' }, ['sq']);
      const published = await untilServed(address, 200);
      expect(
        published.trigger.map((e) => e.event),
        JSON.stringify(builder.status().builds.slice(0, 3)),
      ).toEqual(['cms.changed']);
      // (Refused webhooks are logged: server.unit.test.ts.)
      expect(logs.join('\n')).toMatch(/the CMS changed without a webhook reaching the builder/);
      await cms.strapi.documents('api::release.release').unpublish({ documentId, locale: 'sq' });
      const unpublished = await untilServed(address, 410);
      expect(unpublished.trigger.map((e) => e.event)).toEqual(['cms.changed']);
      // Nothing changed since: the check builds nothing more.
      expect(await check.check()).toBe(false);
    } finally {
      check.stop();
      await api.close();
      api = builderServer(
        builder,
        SECRET,
        {
          renderer: new PreviewRenderer(
            loadBuilderConfig({ BUILDER_WEBHOOK_SECRET: SECRET, BUILDS_DIR: buildsDir, PREVIEW_SECRET }),
          ),
        },
        (line) => logs.push(line),
      );
      await api.listen({ host: '127.0.0.1', port });
    }
  });

  it('keeps serving the live site when the CMS is down and builds fail', async () => {
    const home = await (await get('/en/')).text();
    await cms.stop();
    cms = undefined as never;
    const before = finished();
    const res = await fetch(`${apiUrl}/webhook`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(strapiEvent()),
    });
    expect(res.status).toBe(202);
    const failed = await nextBuild(before);
    expect(failed.result).toBe('failed');
    expect(failed.error).toMatch(/Could not reach the CMS/);
    expect(await (await get('/en/')).text()).toBe(home);
    const status = (await (await fetch(`${apiUrl}/status`)).json()) as { live: { id: string }; builds: BuildRecord[] };
    expect(status.builds[0]).toMatchObject({ result: 'failed' });
    expect(status.live.id).not.toBe(failed.id);
  });
});
