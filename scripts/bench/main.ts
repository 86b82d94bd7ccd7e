import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startStrapi } from '@newsroom/cms/testing';
import { Authenticity } from '../authenticity/authenticate';
import { readSigningKey } from '../authenticity/keys';
import { corpusDir, generateCorpus } from './corpus';
import { countingProxy } from './proxy';
import { againstHugo, measuredBuild, medianPhases, summary, workerMemory, type BuildFigures } from './measure';
import { exportForHugo, hugoAvailable, hugoBuild } from './hugo';
import { table, writeResults, type BenchResults } from './report';
import { publishRounds, startOffice, warmUp } from './publishes';

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

delete process.env.DATABASE_URL; // the corpus is a SQLite file

async function corpus(): Promise<string> {
  const dir = corpusDir(benchDir, N, IMAGES);
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

  const office = await startOffice(work, log);
  const { builder, cms, builds, keyFile } = office;
  const proxy = await countingProxy(cms.url);
  office.config.CMS_URL = proxy.url;

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
    peakProcessRssBytes: Math.max(...unchangedRuns.map((r) => r.peakProcessRssBytes)),
  };

  // The builder starts from the warm cache, as it would after its first build.
  const memory = workerMemory();
  await office.firstBuild(path.join(work, 'cache'));
  const workerFullBuild = memory.take();
  log(
    `the builder's first build (${builder.status().builds[0]?.mode ?? 'full'}): worker peak ${Math.round(workerFullBuild.groupBytes / 2 ** 20)} MiB`,
  );
  log(`warm-up: ${await warmUp(office)} publishes until the builder kept a spare`);
  const timings = await publishRounds(office, REPEAT, log);

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

  await Promise.all([office.close(), proxy.close()]);

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
    peakRssBytes: Math.max(
      cold.peakRssBytes,
      unchanged.peakRssBytes,
      workerFullBuild.groupBytes,
      workerPublishes.groupBytes,
    ),
    peakProcessRssBytes: Math.max(
      cold.peakProcessRssBytes,
      unchanged.peakProcessRssBytes,
      workerFullBuild.processBytes,
      workerPublishes.processBytes,
    ),
    buildPeakRssBytes: Math.max(cold.peakRssBytes, unchanged.peakRssBytes),
    workerPeakRssBytes: { fullBuild: workerFullBuild.groupBytes, publishes: workerPublishes.groupBytes },
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
