import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { startStrapi, type TestStrapi, releaseData } from '@newsroom/cms/testing';
import { Builder } from '../builder/builder';
import { builderServer } from '../builder/server';
import { staticServer } from '../builder/static-server';
import { loadBuilderConfig } from '../builder/config';
import { spareBuildDir } from '../builder/deploy';
import { Authenticity } from '../authenticity/authenticate';
import { ensureSigningKeyFile, readSigningKey } from '../authenticity/keys';
import { generateCorpus } from './corpus';
import { countingProxy } from './proxy';
import { againstHugo, measuredBuild, medianPhases, summary, workerMemory, type BuildFigures } from './measure';
import { exportForHugo, hugoAvailable, hugoBuild } from './hugo';
import { table, writeResults, type BenchResults } from './report';

/**
 * `npm run bench`: a generated corpus (cached), a cold build, a rebuild with nothing
 * changed, publish-to-live for a new, an edited and an unpublished release through the real
 * builder, and Hugo on the same corpus. Never part of `npm test`.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const benchDir = path.join(root, 'bench');
const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    images: { type: 'string', default: '500' },
    repeat: { type: 'string', default: '3' },
    'corpus-only': { type: 'boolean', default: false },
  },
});
const N = Number(values.documents);
const IMAGES = Math.min(Number(values.images), N);
const REPEAT = Number(values.repeat);
const log = (line: string) => console.log(`[bench] ${line}`);
const SECRET = 'bench-webhook-secret-0123456789';

delete process.env.DATABASE_URL; // the corpus is a SQLite file

async function corpus(): Promise<string> {
  const dir = path.join(benchDir, 'cache', `corpus-${N}-${IMAGES}`);
  if (fs.existsSync(path.join(dir, 'done'))) return dir;
  log(`generating ${N} documents × 3 locales with ${IMAGES} images (once; cached in ${path.relative(root, dir)})`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const app = await startStrapi({ dir });
  const started = performance.now();
  await generateCorpus(app.strapi, { documents: N, images: IMAGES, log });
  log(`corpus made in ${Math.round((performance.now() - started) / 1000)} s`);
  // Let Strapi's own background work (webhooks, upload metadata) settle before closing its pool.
  await new Promise((r) => setTimeout(r, 2000));
  await app.stop();
  fs.writeFileSync(path.join(dir, 'done'), `${new Date().toISOString()}\n`);
  return dir;
}

const address = (server: { server: { address(): unknown } }) =>
  `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function main() {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'cms', 'tsconfig.json')],
    { stdio: 'inherit' },
  );
  const source = await corpus();
  if (values['corpus-only']) process.exit(0);
  const work = path.join(benchDir, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(source, path.join(work, 'cms'), { recursive: true });

  const builds = path.join(work, 'builds');
  const keyFile = ensureSigningKeyFile(path.join(work, 'secrets', 'signing-key.pem'));
  const config = loadBuilderConfig({
    SIGNING_KEY_FILE: keyFile,
    BUILDER_WEBHOOK_SECRET: SECRET,
    BUILDS_DIR: builds,
    BUILD_TIMEOUT_MS: String(60 * 60_000),
    MAX_PAGE_DROP: '1',
  });
  const builder = new Builder(config, (line) => log(line));
  const api = builderServer(builder, SECRET);
  const site = staticServer(builds);
  await api.listen({ host: '127.0.0.1', port: 0 });
  await site.listen({ host: '127.0.0.1', port: 0 });
  const cms: TestStrapi = await startStrapi({
    dir: path.join(work, 'cms'),
    listen: true,
    env: { BUILDER_WEBHOOK_URL: `${address(api)}/webhook`, BUILDER_WEBHOOK_SECRET: SECRET },
  });
  const proxy = await countingProxy(cms.url);
  config.CMS_URL = proxy.url;

  const cold = await measuredBuild({
    cmsUrl: proxy.url,
    outDir: path.join(work, 'cold'),
    cacheDir: path.join(work, 'cache'),
  });
  const coldCms = proxy.take();
  const pages = fs
    .readdirSync(path.join(work, 'cold'), { recursive: true })
    .filter((f) => String(f).endsWith('.html')).length;
  log(
    `cold build: ${cold.ms} ms, ${pages} pages, ${coldCms.requests} CMS requests, ${cold.imagesEncoded} images encoded`,
  );
  // The builder's signing step on the cold build, as it runs on every full build.
  const coldSigning = new Authenticity(path.join(work, 'cold-authenticity'), readSigningKey(keyFile, builds), log).run(
    path.join(work, 'cold'),
  );
  log(`signing the cold build: ${coldSigning.records} records in ${coldSigning.ms} ms`);
  // Rebuilt as the builder does after a webhook: from the live (cold) build, with the loader's changes.
  const unchangedRuns: BuildFigures[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const outDir = path.join(work, `again-${i}`);
    unchangedRuns.push(
      await measuredBuild({
        cmsUrl: proxy.url,
        outDir,
        cacheDir: path.join(work, 'cache'),
        base: path.join(work, 'cold'),
      }),
    );
    proxy.take();
    const run = unchangedRuns.at(-1)!;
    log(
      `no-change rebuild (${run.mode}): ${run.ms} ms, ${run.entriesFetched} fetched, ${run.imagesEncoded} images encoded`,
    );
  }
  const unchanged = {
    ...summary(unchangedRuns.map((r) => r.ms)),
    entriesFetched: Math.max(...unchangedRuns.map((r) => r.entriesFetched)),
    imagesEncoded: Math.max(...unchangedRuns.map((r) => r.imagesEncoded)),
    peakRssBytes: Math.max(...unchangedRuns.map((r) => r.peakRssBytes)),
  };

  // The builder starts from the warm cache, as it would after its first build.
  fs.cpSync(path.join(work, 'cache'), path.join(builds, '.cache'), { recursive: true });
  let arrived = 0;
  const accept = builder.accept.bind(builder);
  builder.accept = (event) => {
    if (!arrived) arrived = performance.now();
    return accept(event);
  };
  const memory = workerMemory();
  builder.accept({ event: 'builder.start' });
  await waitFor(
    async () => builder.status().live !== null && !builder.queue.isRunning && builder.queue.queued.length === 0,
    'the first live build',
  );
  const workerFullBuild = memory.take();
  log(
    `the builder's first build (${builder.status().builds[0]?.mode ?? 'full'}): worker peak ${Math.round(workerFullBuild / 2 ** 20)} MiB`,
  );

  const live = address(site);
  const timings: Record<'new' | 'edit' | 'unpublish', number[]> = { new: [], edit: [], unpublish: [] };
  const documents = cms.strapi.documents('api::release.release');
  // A read that hangs is given up and asked again: the local server (builder/static-server.ts)
  // resolves the `current` link once to measure a file and once to read it, and a switch in
  // between can leave a read waiting for bytes until the connection's keep-alive runs out (72 s).
  const read = (p: string) => fetch(`${live}${p}`, { signal: AbortSignal.timeout(5_000) });
  const served = async (p: string) => (await read(p)).status;
  const feed = async () => await (await read('/en/rss.xml')).text();
  async function timed(kind: keyof typeof timings, act: () => Promise<void>, done: () => Promise<boolean>) {
    arrived = 0;
    await act();
    await waitFor(async () => arrived > 0 && (await done()), `${kind} to go live`);
    timings[kind].push(Math.round(performance.now() - arrived));
    log(`publish-to-live (${kind}): ${timings[kind].at(-1)} ms`);
    await waitFor(async () => !builder.queue.isRunning && builder.queue.queued.length === 0, 'the builder to settle');
  }
  // A builder that has run a while keeps a spare, its newest retired build, from which each
  // publish makes its folder at the cost of the change (builder/deltas.ts); it has one from its
  // KEEP_BUILDS + 1th build on. Publishes are measured from then on, as the office's would be.
  const [warmed] = await documents.findMany({ locale: 'en', status: 'published', limit: 1 } as never);
  let warmUp = 0;
  for (; !fs.existsSync(spareBuildDir(builds)); warmUp += 1) {
    const before = builder.status().builds[0]?.id;
    const where = { documentId: (warmed as { documentId: string }).documentId, locale: 'en' };
    await documents.update({ ...where, data: { summary: `Warm-up ${warmUp}` } as never });
    await documents.publish(where);
    await waitFor(
      async () =>
        builder.status().builds[0]?.id !== before && !builder.queue.isRunning && builder.queue.queued.length === 0,
      'a warm-up publish to go live',
    );
  }
  log(`warm-up: ${warmUp} publishes until the builder kept a spare`);
  for (let i = 0; i < REPEAT; i += 1) {
    const title = `Bench release ${Date.now()} ${i}`;
    let documentId = '';
    await timed(
      'new',
      async () => {
        documentId = (
          await documents.create({
            locale: 'en',
            data: releaseData(title, { issuedAt: new Date().toISOString() }) as never,
          })
        ).documentId;
        await documents.publish({ documentId, locale: 'en' });
      },
      async () =>
        (await served(`/en/press-releases/${title.toLowerCase().replace(/ /g, '-')}/`)) === 200 &&
        (await feed()).includes(`urn:newsroom:release:${documentId}:en`),
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
      async () => {
        await documents.unpublish({ documentId, locale: 'en' });
      },
      async () =>
        (await served(`/en/press-releases/${title.toLowerCase().replace(/ /g, '-')}/`)) !== 200 &&
        !(await feed()).includes(documentId),
    );
  }

  const workerPublishes = memory.take();
  const publishPhasesMs = medianPhases(
    builder
      .status()
      .builds.slice(0, 3 * REPEAT)
      .flatMap((b) => (b.timingsMs ? [b.timingsMs] : [])),
  );
  const publishSigning = builder
    .status()
    .builds.slice(0, 3 * REPEAT)
    .flatMap((b) => (b.authenticity ? [b.authenticity.ms] : []));
  memory.stop();

  let hugoBuildMs: number | null = null;
  if (hugoAvailable()) {
    const hugoPages = await exportForHugo(
      cms.strapi,
      path.join(work, 'hugo'),
      path.join(work, 'cms', 'public', 'uploads'),
    );
    hugoBuildMs = hugoBuild(path.join(work, 'hugo'));
    log(`hugo: ${hugoPages} items in ${hugoBuildMs} ms`);
  }

  builder.close();
  await Promise.all([api.close(), site.close(), proxy.close()]);
  await cms.stop();

  const results: BenchResults = {
    documents: N,
    locales: 3,
    pages,
    coldBuildMs: cold.ms,
    hugoBuildMs,
    hugoRatio: hugoBuildMs ? cold.ms / hugoBuildMs : null,
    noChangeRebuildMs: unchanged.medianMs,
    noChangeRebuild: {
      entriesFetched: unchanged.entriesFetched,
      imagesEncoded: unchanged.imagesEncoded,
      medianMs: unchanged.medianMs,
      minMs: unchanged.minMs,
      maxMs: unchanged.maxMs,
    },
    publishToLive: {
      new: againstHugo(summary(timings.new), hugoBuildMs),
      edit: againstHugo(summary(timings.edit), hugoBuildMs),
      unpublish: againstHugo(summary(timings.unpublish), hugoBuildMs),
    },
    publishPhasesMs,
    peakRssBytes: Math.max(cold.peakRssBytes, unchanged.peakRssBytes, workerFullBuild, workerPublishes),
    buildPeakRssBytes: Math.max(cold.peakRssBytes, unchanged.peakRssBytes),
    workerPeakRssBytes: { fullBuild: workerFullBuild, publishes: workerPublishes },
    cmsRequestsPerColdBuild: coldCms.requests,
    cmsAnswerMsPerColdBuild: coldCms.cmsMs,
    coldBuild: { entriesFetched: cold.entriesFetched, imagesEncoded: cold.imagesEncoded },
    signing: { records: coldSigning.records, coldMs: coldSigning.ms, publish: summary(publishSigning) },
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    at: new Date().toISOString(),
  };
  writeResults(path.join(benchDir, 'results', 'latest.json'), results);
  console.log(`\n${table(results)}\n\nWritten to bench/results/latest.json`);
  process.exit(0);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
