import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { startStrapi } from '@newsroom/cms/testing';
import { corpusDir } from './corpus';
import { measuredBuild } from './measure';
import { profileLines, readProfile, summarizeProfile, type CpuProfile } from './cpu-profile';
import { freePort, profileProcess } from './inspector';
import { publishRounds, startOffice, warmUp } from './publishes';

/**
 * `npm run bench:profile`: where the time goes, on the benchmark's corpus (made by
 * `npm run bench`), under V8's sampling profiler.
 * - `--build cold` (the default): a cold full build's process; with `--cms`, the CMS's too (its
 *   profiler slows its answers by about half).
 * - `--build publish`: the builder's worker during `--repeat` rounds of a new release, its
 *   edit and its unpublishing, once the builder keeps a spare (as `npm run bench` measures them).
 * The profiles are kept in bench/profile/cpu/ for Chrome's DevTools or speedscope.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    build: { type: 'string', default: 'cold' },
    documents: { type: 'string', default: '10000' },
    images: { type: 'string', default: '500' },
    repeat: { type: 'string', default: '3' },
    top: { type: 'string', default: '40' },
    cms: { type: 'boolean', default: false },
  },
});
const corpus = corpusDir(path.join(root, 'bench'), Number(values.documents), Number(values.images));
const work = path.join(root, 'bench', 'profile');
const profiles = path.join(work, 'cpu');
const log = (line: string) => console.log(`[profile] ${line}`);

function show(name: string, profile: CpuProfile) {
  const file = path.join(profiles, `${name}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  console.log(profileLines(path.relative(root, file), summarizeProfile(profile, Number(values.top))).join('\n'));
}

async function cold() {
  const cms = await startStrapi({ dir: path.join(work, 'cms'), listen: true });
  // The CMS runs in this process: its profile shows what answering the build's requests costs.
  const session = new Session();
  session.connect();
  if (values.cms) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const build = await measuredBuild({
    cmsUrl: cms.url,
    outDir: path.join(work, 'cold'),
    cacheDir: path.join(work, 'cache'),
    nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-name=build.cpuprofile'],
  });
  const cmsProfile = values.cms ? (await session.post('Profiler.stop')).profile : null;
  session.disconnect();
  await cms.stop();
  const report = JSON.parse(fs.readFileSync(path.join(work, 'cold.report.json'), 'utf8')) as {
    timingsMs?: Record<string, number>;
  };
  log(`cold build: ${build.ms} ms, ${build.entriesFetched} bodies, ${build.imagesEncoded} images`);
  for (const [phase, ms] of Object.entries(report.timingsMs ?? {})) log(`  ${phase}: ${ms} ms`);
  show('build', readProfile(path.join(profiles, 'build.cpuprofile')));
  if (cmsProfile) show('cms', cmsProfile as CpuProfile);
}

async function publishes() {
  const port = await freePort();
  // The builder hands its environment to each build, and its worker then listens for an
  // inspector (the same environment throughout: another would start a new worker).
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:${port}`.trim();
  const office = await startOffice(work, log);
  await office.firstBuild();
  log(`warm-up: ${await warmUp(office)} publishes until the builder kept a spare`);
  let n = 0;
  await publishRounds(office, Number(values.repeat), log, async (kind, publish) => {
    show(`publish-${(n += 1)}-${kind}`, await profileProcess(port, publish));
  });
  const phases = office.builder.status().builds.slice(0, n);
  for (const build of phases.reverse()) log(`${build.id}: ${JSON.stringify(build.timingsMs)}`);
  await office.close();
}

async function main() {
  if (!fs.existsSync(path.join(corpus, 'done')))
    throw new Error(`No corpus in ${corpus}: make it with npm run bench -- --corpus-only (same sizes).`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(corpus, path.join(work, 'cms'), { recursive: true });
  fs.mkdirSync(profiles, { recursive: true });
  if (values.build === 'cold') await cold();
  else if (values.build === 'publish') await publishes();
  else throw new Error(`--build is cold or publish, not ${values.build}`);
  process.exit(0);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
