import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { BUILD_PLAN_VARIABLE, SITE_CODE_PATHS } from '@newsroom/shared-types';
import { DEFAULT_BUILD_HEAP_MB, siteBuildNodeOptions } from './config';

type Reply = { ok: true; heapUsedBytes?: number } | { ok: false; error: string };

/**
 * Builds before the worker starts afresh. A publish renders with the page code the worker's
 * first build bundled (site/integrations/kept-code.ts), so it imports no new module: a new
 * worker costs the next publish an Astro build, and is started only this rarely, or when its
 * heap nears the limit.
 */
export const RECYCLE_AFTER_BUILDS = 200;
/** How long a retiring worker may take to finish writing what its last build left (see retire). */
const RETIRE_WAIT_MS = 10_000;
/** A worker whose heap holds more than this share of its limit after a build is started afresh. */
const HEAP_SHARE_TO_RECYCLE = 0.9;

/** The environment without the plan's file (the one variable that differs from build to build). */
const configurationOf = (env: NodeJS.ProcessEnv) =>
  JSON.stringify(
    Object.entries(env)
      .filter(([key]) => key !== BUILD_PLAN_VARIABLE)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/**
 * A stamp of the site's code (shared-types' SITE_CODE_PATHS: every file's name, size and
 * modification time), cheap enough to take before every build.
 */
export function siteCodeStamp(root: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    const stat = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) return void hash.update(`${rel}:${stat.size}:${stat.mtimeMs}\0`);
    for (const name of fs.readdirSync(path.join(root, rel)).sort()) walk(`${rel}/${name}`);
  };
  for (const rel of SITE_CODE_PATHS) walk(rel);
  return hash.digest('hex');
}

/**
 * The site build in a long-running process (site/build-worker.mjs): a publish no longer pays
 * for starting Node, loading Astro and Vite, and reading every entry. One build at a time.
 * The process is started afresh after a failed build, a timeout or a crash, every
 * `recycleAfter` builds, and when its heap nears its limit, so a leak or a bad state cannot
 * outlive it; when the
 * configuration differs, since the page code reads it once, when it is loaded; and when the
 * site's code changed, since Node keeps every module the process imported by its file name and
 * would mix the last build's bundle with the new one's.
 */
export class SiteWorker {
  private child: ChildProcess | null = null;
  private builds = 0;
  private output = '';
  private configuration = '';
  private code = '';
  private heapUsedBytes = 0;

  constructor(
    private readonly script: string,
    private readonly recycleAfter = RECYCLE_AFTER_BUILDS,
    private readonly codeStamp: () => string = () => '',
    private readonly heapMb: number = DEFAULT_BUILD_HEAP_MB,
  ) {}

  async run(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
    const code = this.codeStamp();
    if (
      this.child &&
      (this.builds >= this.recycleAfter ||
        this.heapUsedBytes > this.heapMb * 2 ** 20 * HEAP_SHARE_TO_RECYCLE ||
        configurationOf(env) !== this.configuration ||
        code !== this.code)
    )
      await this.retire();
    this.code = code;
    const child = this.child ?? this.start(env);
    this.builds += 1;
    this.output = '';
    return new Promise<void>((resolve, reject) => {
      const fail = (message: string) => {
        cleanup();
        this.stop();
        reject(new Error(`${message}\n${this.tail()}`));
      };
      const onReply = (reply: Reply) => {
        if (reply.ok) {
          cleanup();
          this.heapUsedBytes = reply.heapUsedBytes ?? 0;
          resolve();
        } else fail(`The build failed: ${reply.error.split('\n')[0]}`);
      };
      const onExit = (code: number | null, signal: string | null) =>
        fail(`The build worker stopped (${signal ?? `exit ${code}`})`);
      const timer = setTimeout(() => fail(`The build timed out after ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onReply);
        child.off('exit', onExit);
      };
      child.on('message', onReply);
      child.once('exit', onExit);
      child.send({ env });
    });
  }

  /**
   * Ends a worker that is not building: it is let finish what its last build left to write
   * (the manifest the next build starts from, written after the worker replied) for up to
   * `RETIRE_WAIT_MS`, then ended with everything it started.
   */
  async retire() {
    const child = this.child;
    if (child?.connected && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, RETIRE_WAIT_MS).unref())]);
    }
    this.stop();
  }

  /** Ends the worker and everything it started (Pagefind's service) at once. */
  stop() {
    const child = this.child;
    this.child = null;
    this.builds = 0;
    this.heapUsedBytes = 0;
    if (!child) return;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The worker and what it started are gone already.
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }

  private start(env: NodeJS.ProcessEnv): ChildProcess {
    this.configuration = configurationOf(env);
    // A plain Node: the builder may run under a TypeScript loader, which the site's build does not need.
    const child = fork(this.script, [], {
      execArgv: siteBuildNodeOptions(this.heapMb),
      env: Object.fromEntries(Object.entries(env).filter(([key]) => key !== BUILD_PLAN_VARIABLE)),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    this.child = child;
    return child;
  }

  private tail() {
    return this.output.trim().split('\n').slice(-15).join('\n');
  }
}
