import fs from 'node:fs';
import path from 'node:path';

export interface BenchResults {
  documents: number;
  locales: number;
  pages: number;
  coldBuildMs: number;
  hugoBuildMs: number | null;
  hugoRatio: number | null;
  noChangeRebuildMs: number;
  noChangeRebuild: { entriesFetched: number; imagesEncoded: number; medianMs: number; minMs: number; maxMs: number };
  /** `hugoRatio`: the median as a share of Hugo's cold build (1/30 is 0.033). */
  publishToLive: Record<
    'new' | 'edit' | 'unpublish',
    { medianMs: number; p90Ms: number; minMs: number; maxMs: number; hugoRatio: number | null }
  >;
  /** Where a publish's time went: the median of each phase over the publishes, in the builder and the site build. */
  publishPhasesMs: Record<string, number>;
  /** The largest of the two below: a build's process group (its process and Pagefind's, together). */
  peakRssBytes: number;
  /** The largest single process of any build: the target is per process. */
  peakProcessRssBytes: number;
  /** A build in a process of its own (cold and no-change). */
  buildPeakRssBytes: number;
  /** The builder's long-running worker: its first build (full) and the publishes. */
  workerPeakRssBytes: { fullBuild: number; publishes: number };
  cmsRequestsPerColdBuild: number;
  cmsAnswerMsPerColdBuild: number;
  coldBuild: { entriesFetched: number; imagesEncoded: number };
  /** The builder's authenticity step: signing the cold build's records, and each publish's. */
  signing: { records: number; coldMs: number; publish: { medianMs: number; minMs: number; maxMs: number } };
  machine: string;
  at: string;
}

/** Issue 18's targets: a publish's median within 1/30 of Hugo's cold build and its slowest within 1/15. */
const TARGETS = {
  publishMedianOfHugo: 1 / 30,
  publishMaxOfHugo: 1 / 15,
  hugoRatio: 2.5,
  peakRssBytes: 2 * 1024 ** 3,
};

const s = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const ok = (pass: boolean) => (pass ? 'meets' : 'MISSES');

/** `1/16 of Hugo (median), 1/12 (max); targets 1/30 and 1/15: MISSES` */
function publishAgainstHugo(r: BenchResults, k: keyof BenchResults['publishToLive']): string {
  if (!r.hugoBuildMs) return '';
  const share = (ms: number) =>
    ms < r.hugoBuildMs! ? `1/${Math.round(r.hugoBuildMs! / ms)} of Hugo` : `${(ms / r.hugoBuildMs!).toFixed(1)} × Hugo`;
  const { medianMs, maxMs } = r.publishToLive[k];
  const meets =
    medianMs <= r.hugoBuildMs * TARGETS.publishMedianOfHugo && maxMs <= r.hugoBuildMs * TARGETS.publishMaxOfHugo;
  return `; ${share(medianMs)} (median), ${share(maxMs)} (max); targets 1/30 and 1/15: ${ok(meets)}`;
}

export function table(r: BenchResults): string {
  const rows: Array<[string, string, string]> = [
    ['documents per locale × locales', `${r.documents} × ${r.locales} (${r.pages} pages)`, ''],
    [
      'cold full build',
      s(r.coldBuildMs),
      r.hugoRatio === null
        ? ''
        : `${r.hugoRatio.toFixed(2)} × Hugo, target ≤ ${TARGETS.hugoRatio}: ${ok(r.hugoRatio <= TARGETS.hugoRatio)}`,
    ],
    [
      'Hugo, same corpus',
      s(r.hugoBuildMs),
      r.hugoBuildMs === null ? 'hugo not installed (apt-get install -y hugo)' : '',
    ],
    [
      'rebuild, nothing changed',
      `${s(r.noChangeRebuildMs)} median`,
      `min ${s(r.noChangeRebuild.minMs)}, max ${s(r.noChangeRebuild.maxMs)}; ${r.noChangeRebuild.entriesFetched} bodies fetched, ${r.noChangeRebuild.imagesEncoded} images encoded, target 0/0: ${ok(r.noChangeRebuild.entriesFetched === 0 && r.noChangeRebuild.imagesEncoded === 0)}`,
    ],
    ...(['new', 'edit', 'unpublish'] as const).map((k): [string, string, string] => [
      `publish-to-live, ${k} release`,
      `${s(r.publishToLive[k].medianMs)} median`,
      `p90 ${s(r.publishToLive[k].p90Ms)}, min ${s(r.publishToLive[k].minMs)}, max ${s(r.publishToLive[k].maxMs)}${publishAgainstHugo(r, k)}`,
    ]),
    [
      'a publish, where the time goes',
      '(medians)',
      Object.entries(r.publishPhasesMs)
        .map(([phase, ms]) => `${phase} ${s(ms)}`)
        .join(', '),
    ],
    [
      'peak build memory',
      mib(r.peakRssBytes),
      `process groups (a build and its Pagefind): a build ${mib(r.buildPeakRssBytes)}, the builder's worker ${mib(r.workerPeakRssBytes.fullBuild)} in a full build and ${mib(r.workerPeakRssBytes.publishes)} in publishes; the largest process ${mib(r.peakProcessRssBytes)}; target ≤ 2048 MiB per process: ${ok(r.peakProcessRssBytes <= TARGETS.peakRssBytes)}, and for each group: ${ok(r.peakRssBytes <= TARGETS.peakRssBytes)}`,
    ],
    [
      'CMS requests per cold build',
      String(r.cmsRequestsPerColdBuild),
      `the CMS answered in ${s(r.cmsAnswerMsPerColdBuild)} in all; ${r.coldBuild.entriesFetched} bodies, ${r.coldBuild.imagesEncoded} images encoded`,
    ],
    [
      'signing, cold build',
      s(r.signing.coldMs),
      `${r.signing.records} records, ${((r.signing.coldMs / r.coldBuildMs) * 100).toFixed(1)} % of the cold build; target ≤ 10 %: ${ok(r.signing.coldMs <= r.coldBuildMs * 0.1)}`,
    ],
    [
      'signing, per publish',
      `${r.signing.publish.medianMs} ms median`,
      `max ${r.signing.publish.maxMs} ms; target < 500 ms: ${ok(r.signing.publish.maxMs < 500)}`,
    ],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  return rows.map(([a, b, c]) => `${a.padEnd(width)}  ${b.padEnd(22)}  ${c}`).join('\n');
}

export function writeResults(file: string, results: BenchResults) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
