import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startStrapi, type TestStrapi, releaseData } from '@newsroom/cms/testing';
import { Builder } from '../builder/builder';
import { builderServer } from '../builder/server';
import { staticServer } from '../builder/static-server';
import { loadBuilderConfig } from '../builder/config';
import { spareBuildDir } from '../builder/deploy';
import { ensureSigningKeyFile } from '../authenticity/keys';

const SECRET = 'bench-webhook-secret-0123456789';
export type PublishKind = 'new' | 'edit' | 'unpublish';

const address = (server: { server: { address(): unknown } }) =>
  `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The office's setup on a copy of the corpus in `work/cms`: the CMS, the builder with its
 * webhook and the local static server, as `npm start` runs them.
 */
export async function startOffice(work: string, log: (line: string) => void) {
  const builds = path.join(work, 'builds');
  const keyFile = ensureSigningKeyFile(path.join(work, 'secrets', 'signing-key.pem'));
  const config = loadBuilderConfig({
    SIGNING_KEY_FILE: keyFile,
    BUILDER_WEBHOOK_SECRET: SECRET,
    BUILDS_DIR: builds,
    BUILD_TIMEOUT_MS: String(60 * 60_000),
    MAX_PAGE_DROP: '1',
  });
  const builder = new Builder(config, log);
  const api = builderServer(builder, SECRET);
  const site = staticServer(builds);
  await api.listen({ host: '127.0.0.1', port: 0 });
  await site.listen({ host: '127.0.0.1', port: 0 });
  const cms: TestStrapi = await startStrapi({
    dir: path.join(work, 'cms'),
    listen: true,
    env: { BUILDER_WEBHOOK_URL: `${address(api)}/webhook`, BUILDER_WEBHOOK_SECRET: SECRET },
  });
  config.CMS_URL = cms.url;
  const settled = async () => !builder.queue.isRunning && builder.queue.queued.length === 0;
  return {
    builder,
    config,
    cms,
    keyFile,
    builds,
    live: address(site),
    settled,
    /** The builder's first build, from the cache a build before it left (`cacheDir`), if any. */
    async firstBuild(cacheDir?: string) {
      if (cacheDir) fs.cpSync(cacheDir, path.join(builds, '.cache'), { recursive: true });
      builder.accept({ event: 'builder.start' });
      await waitFor(async () => builder.status().live !== null && (await settled()), 'the first live build');
    },
    async close() {
      await builder.close();
      await Promise.all([api.close(), site.close()]);
      await cms.stop();
    },
  };
}

export type Office = Awaited<ReturnType<typeof startOffice>>;

/**
 * A builder that has run a while keeps a spare, its newest retired build, from which each
 * publish makes its folder at the cost of the change (builder/deltas.ts); it has one from its
 * KEEP_BUILDS + 1th build on. Publishes are measured from then on, as the office's would be.
 */
export async function warmUp(office: Office): Promise<number> {
  const documents = office.cms.strapi.documents('api::release.release');
  const [warmed] = await documents.findMany({ locale: 'en', status: 'published', limit: 1 } as never);
  let count = 0;
  for (; !fs.existsSync(spareBuildDir(office.builds)); count += 1) {
    const before = office.builder.status().builds[0]?.id;
    const where = { documentId: (warmed as { documentId: string }).documentId, locale: 'en' };
    await documents.update({ ...where, data: { summary: `Warm-up ${count}` } as never });
    await documents.publish(where);
    await waitFor(
      async () => office.builder.status().builds[0]?.id !== before && (await office.settled()),
      'a warm-up publish to go live',
    );
  }
  return count;
}

/**
 * `repeat` rounds of a new release, its edit and its unpublishing, each timed from the
 * webhook's arrival until the live site shows it. `around` wraps each (a profiler's start and stop).
 */
export async function publishRounds(
  office: Office,
  repeat: number,
  log: (line: string) => void,
  around: (kind: PublishKind, publish: () => Promise<void>) => Promise<void> = (_, publish) => publish(),
) {
  const { builder, live } = office;
  let arrived = 0;
  const accept = builder.accept.bind(builder);
  builder.accept = (event) => {
    if (!arrived) arrived = performance.now();
    return accept(event);
  };
  const timings: Record<PublishKind, number[]> = { new: [], edit: [], unpublish: [] };
  const documents = office.cms.strapi.documents('api::release.release');
  // A read that hangs is given up and asked again: the local server (builder/static-server.ts)
  // resolves the `current` link once to measure a file and once to read it, and a switch in
  // between can leave a read waiting for bytes until the connection's keep-alive runs out (72 s).
  const read = (p: string) => fetch(`${live}${p}`, { signal: AbortSignal.timeout(5_000) });
  const served = async (p: string) => (await read(p)).status;
  const feed = async () => await (await read('/en/rss.xml')).text();
  const timed = (kind: PublishKind, act: () => Promise<void>, done: () => Promise<boolean>) =>
    around(kind, async () => {
      arrived = 0;
      await act();
      await waitFor(async () => arrived > 0 && (await done()), `${kind} to go live`);
      timings[kind].push(Math.round(performance.now() - arrived));
      log(`publish-to-live (${kind}): ${timings[kind].at(-1)} ms`);
      await waitFor(office.settled, 'the builder to settle');
    });
  for (let i = 0; i < repeat; i += 1) {
    const title = `Bench release ${Date.now()} ${i}`;
    const page = `/en/press-releases/${title.toLowerCase().replace(/ /g, '-')}/`;
    let documentId = '';
    await timed(
      'new',
      async () => {
        const data = releaseData(title, { issuedAt: new Date().toISOString() });
        documentId = (await documents.create({ locale: 'en', data: data as never })).documentId;
        await documents.publish({ documentId, locale: 'en' });
      },
      async () => (await served(page)) === 200 && (await feed()).includes(`urn:newsroom:release:${documentId}:en`),
    );
    await timed(
      'edit',
      async () => {
        await documents.update({ documentId, locale: 'en', data: { summary: `Edited summary ${i}` } as never });
        await documents.publish({ documentId, locale: 'en' });
      },
      async () => (await feed()).includes(`Edited summary ${i}`),
    );
    await timed(
      'unpublish',
      () => documents.unpublish({ documentId, locale: 'en' }).then(() => undefined),
      async () => (await served(page)) !== 200 && !(await feed()).includes(documentId),
    );
  }
  return timings;
}
