import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { planBeside, planEnvironment } from '../builder/build-plan';
import { runAssembled } from '../builder/assemble';
import { siteBuildNodeOptions } from '../builder/config';
import { commandLine, PeakMemory, processes } from './proc';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * The peak resident memory of the builder's site-build worker (site/build-worker.mjs, a child
 * of this process) and what it starts. `take()` returns the peak since the last take.
 */
export function workerMemory() {
  let peak = new PeakMemory();
  const timer = setInterval(() => {
    const worker = processes().find((p) => p.ppid === process.pid && commandLine(p.pid).includes('build-worker.mjs'));
    // The worker leads a process group of its own (it is started detached).
    if (worker) peak.note(worker.pid);
  }, 250);
  return {
    take(): PeakMemory {
      const taken = peak;
      peak = new PeakMemory();
      return taken;
    },
    stop: () => clearInterval(timer),
  };
}

/** Files under a folder, counted: Astro writes one per encoded image into its cache. */
export function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
}

export interface BuildFigures {
  ms: number;
  /** Whether the site's build rendered everything or only what changed. */
  mode: string;
  /** The build's process group (Astro's process and Pagefind's), and its largest process. */
  peakRssBytes: number;
  peakProcessRssBytes: number;
  entriesFetched: number;
  imagesEncoded: number;
}

/** One site build (Astro, the loader, Pagefind) as the builder runs it, measured. */
export async function measuredBuild(options: {
  cmsUrl: string;
  outDir: string;
  cacheDir: string;
  /** The live build to start from, as the builder names it after a webhook. */
  base?: string;
  /** Node's options for the build beyond the builder's (a profiler's, for bench:profile). */
  nodeOptions?: string[];
}): Promise<BuildFigures> {
  const plan = planBeside(options.outDir, options.cacheDir, options.base ? { base: options.base } : {});
  fs.rmSync(plan.reportFile, { force: true });
  const imagesBefore = countFiles(path.join(options.cacheDir, 'assets'));
  const started = performance.now();
  const peak = new PeakMemory();
  const report = await runAssembled(plan, async () => {
    const child = spawn(
      process.execPath,
      [
        ...siteBuildNodeOptions(),
        ...(options.nodeOptions ?? []),
        path.join(root, 'node_modules', 'astro', 'astro.js'),
        'build',
        '--silent',
        '--root',
        path.join(root, 'site'),
      ],
      {
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: planEnvironment(plan, `${options.outDir}.plan.json`, {
          ...process.env,
          CMS_URL: options.cmsUrl,
          ASTRO_TELEMETRY_DISABLED: '1',
        }),
      },
    );
    let errors = '';
    child.stderr.on('data', (c: Buffer) => {
      errors = (errors + c.toString()).slice(-4000);
    });
    const poll = setInterval(() => peak.note(child.pid!), 250);
    const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
    clearInterval(poll);
    if (code !== 0) throw new Error(`The site build failed (${code}): ${errors}`);
  });
  if (!report) throw new Error(`The site build wrote no report (${plan.reportFile})`);
  return {
    ms: Math.round(performance.now() - started),
    mode: report.mode ?? 'full',
    peakRssBytes: peak.groupBytes,
    peakProcessRssBytes: peak.processBytes,
    entriesFetched: Object.values(report.loaders ?? {}).reduce((sum, s) => sum + s.fetched, 0),
    imagesEncoded: countFiles(path.join(options.cacheDir, 'assets')) - imagesBefore,
  };
}

/** Median (the lower of the middle two), 90th percentile (nearest rank), least and most of some timings. */
export function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    medianMs: sorted[Math.floor((sorted.length - 1) / 2)],
    p90Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.9) - 1)],
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
  };
}

/** A publish-to-live summary with its median as a share of Hugo's cold build in the same run. */
export const againstHugo = (timing: ReturnType<typeof summary>, hugoBuildMs: number | null) => ({
  ...timing,
  hugoRatio: hugoBuildMs ? timing.medianMs / hugoBuildMs : null,
});

/** The median of each phase over several builds' timings (a phase missing from a build counts as absent). */
export function medianPhases(builds: Array<Record<string, number>>): Record<string, number> {
  const phases = [...new Set(builds.flatMap((b) => Object.keys(b)))];
  return Object.fromEntries(
    phases.map((phase) => [phase, summary(builds.flatMap((b) => (phase in b ? [b[phase]!] : []))).medianMs!]),
  );
}
