import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { startStrapi, type TestStrapi } from '../../cms/test/strapi';
import { createRelease } from '../../cms/test/fixtures/release';
import { Builder, type BuildRecord } from './builder';
import { builderServer } from './server';
import { staticServer } from './static-server';
import { SECRET, strapiEvent } from './test-support';
import { loadBuilderConfig } from './config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Publish in the CMS → webhook → build → served, end to end, with the real site build. */
let cms: TestStrapi;
let builder: Builder;
let api: FastifyInstance;
let site: FastifyInstance;
let siteUrl: string;
let apiUrl: string;
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

const finished = () => builder.status().builds.filter((b) => b.result !== 'running').length;
const get = (p: string) => fetch(`${siteUrl}${p}`);

beforeAll(async () => {
  const config = loadBuilderConfig({
    BUILDER_WEBHOOK_SECRET: SECRET,
    BUILDS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-')),
    QUIET_MS: '300',
    MAX_WAIT_MS: '3000',
  });
  builder = new Builder(config, (line) => logs.push(line));
  api = builderServer(builder, SECRET);
  site = staticServer(config.BUILDS_DIR);
  await api.listen({ host: '127.0.0.1', port: 0 });
  await site.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = address(api);
  siteUrl = address(site);
  cms = await startStrapi({ listen: true, env: { BUILDER_WEBHOOK_URL: `${apiUrl}/webhook`, BUILDER_WEBHOOK_SECRET: SECRET } });
  config.CMS_URL = cms.url;
  await createRelease(cms.strapi, { sq: 'Lajmi i parë', 'sr-Latn': 'Prva vest', en: 'First news' }, ['sq', 'sr-Latn', 'en']);
  const before = finished();
  builder.accept({ event: 'builder.start' });
  const first = await nextBuild(before);
  expect(first.result, first.error).toBe('live');
});

afterAll(async () => {
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

    before = finished();
    await cms.strapi.documents('api::release.release').unpublish({ documentId, locale: 'sq' });
    const unpublished = await nextBuild(before);
    expect(unpublished.result, unpublished.error).toBe('live');
    expect((await get('/sq/komunikata/komunikate-e-re-nga-webhook/')).status).toBe(404);
    expect(await (await get('/sq/komunikata/rss.xml')).text()).not.toContain(documentId);
  });

  it('keeps serving the live site when the CMS is down and builds fail', async () => {
    const home = await (await get('/en/')).text();
    await cms.stop();
    cms = undefined as never;
    const before = finished();
    const res = await fetch(`${apiUrl}/webhook`, { method: 'POST', headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' }, body: JSON.stringify(strapiEvent()) });
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
