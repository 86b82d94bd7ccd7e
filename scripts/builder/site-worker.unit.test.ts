import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteWorker, siteCodeStamp } from './site-worker';

/** A stand-in for site/build-worker.mjs: records its pid and what it was sent, then does as told. */
const FAKE = `
import fs from 'node:fs';
import v8 from 'node:v8';
let writing = Promise.resolve();
process.on('message', ({ env }) => {
  const heapMb = Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
  const left = env.LEFT && fs.existsSync(env.LEFT);
  fs.appendFileSync(env.RECORD, JSON.stringify({ pid: process.pid, out: env.NEWSROOM_BUILD_PLAN, leftover: process.env.NEWSROOM_BUILD_PLAN, heapMb, left }) + '\\n');
  Object.assign(process.env, env);
  if (env.DO === 'leave') writing = new Promise((done) => setTimeout(() => done(fs.writeFileSync(env.LEFT, 'manifest')), 400));
  if (env.DO === 'fail') process.send({ ok: false, error: 'Error: no home page\\n    at build' });
  else if (env.DO === 'crash') process.exit(3);
  else if (env.NEWSROOM_BUILD_PLAN === '/bloated') process.send({ ok: true, heapUsedBytes: 0.95 * heapMb * 2 ** 20 });
  else if (env.DO !== 'hang') process.send({ ok: true, heapUsedBytes: 0.5 * heapMb * 2 ** 20 });
});
process.on('disconnect', () => void writing.finally(() => process.exit(0)));
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-worker-'));
const script = path.join(dir, 'worker.mjs');
fs.writeFileSync(script, FAKE);
const record = path.join(dir, 'record.jsonl');
const runs = () =>
  fs
    .readFileSync(record, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { pid: number; out: string; leftover?: string; heapMb: number; left?: boolean });
let worker: SiteWorker;

afterEach(() => {
  worker?.stop();
  fs.rmSync(record, { force: true });
});

const build = (out: string, DO = 'ok', timeoutMs = 10_000) =>
  worker.run({ RECORD: record, NEWSROOM_BUILD_PLAN: out, DO }, timeoutMs);

describe('the site build worker', () => {
  it('runs one build after another in the same process, each with its own environment', async () => {
    worker = new SiteWorker(script);
    await build('/b1');
    await build('/b2');
    const [first, second] = runs();
    expect(second.pid).toBe(first.pid);
    expect([first.out, second.out]).toEqual(['/b1', '/b2']);
  });

  it('runs the builds with the heap limit it is given (BUILD_HEAP_MB), 1536 MiB unless told', async () => {
    worker = new SiteWorker(script, 20, () => '', 512);
    await build('/b1');
    worker.stop();
    worker = new SiteWorker(script);
    await build('/b2');
    const [limited, unless] = runs();
    // V8's limit is the old space asked for, plus the young generation's.
    expect(limited.heapMb).toBeGreaterThanOrEqual(512);
    expect(limited.heapMb).toBeLessThan(640);
    expect(unless.heapMb).toBeGreaterThanOrEqual(1536);
    expect(unless.heapMb).toBeLessThan(1700);
  });

  it('starts a fresh process after a failed build, and says why it failed', async () => {
    worker = new SiteWorker(script);
    await expect(build('/b1', 'fail')).rejects.toThrow(/The build failed: Error: no home page/);
    await build('/b2');
    const [failed, next] = runs();
    expect(next.pid).not.toBe(failed.pid);
    expect(next.leftover).toBeUndefined();
  });

  it('reports a worker that stopped during a build, and recovers', async () => {
    worker = new SiteWorker(script);
    await expect(build('/b1', 'crash')).rejects.toThrow(/The build worker stopped \(exit 3\)/);
    await build('/b2');
    expect(runs()).toHaveLength(2);
  });

  it('lets a worker it starts afresh finish writing what its last build left first', async () => {
    const left = path.join(dir, 'left.json');
    fs.rmSync(left, { force: true });
    worker = new SiteWorker(script, 1);
    await worker.run({ RECORD: record, NEWSROOM_BUILD_PLAN: '/b1', DO: 'leave', LEFT: left }, 10_000);
    expect(fs.existsSync(left)).toBe(false);
    await worker.run({ RECORD: record, NEWSROOM_BUILD_PLAN: '/b2', LEFT: left }, 10_000);
    const [first, second] = runs();
    expect(second.pid).not.toBe(first.pid);
    expect(second.left).toBe(true);
  });

  it('lets the worker finish writing when the builder closes', async () => {
    const left = path.join(dir, 'left-at-close.json');
    worker = new SiteWorker(script);
    await worker.run({ RECORD: record, NEWSROOM_BUILD_PLAN: '/b1', DO: 'leave', LEFT: left }, 10_000);
    const [{ pid }] = runs();
    await worker.retire();
    expect(fs.readFileSync(left, 'utf8')).toBe('manifest');
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('kills a build that runs past its timeout', async () => {
    worker = new SiteWorker(script);
    await expect(build('/b1', 'hang', 300)).rejects.toThrow(/timed out after 0 s/);
    const [hung] = runs();
    await new Promise((r) => setTimeout(r, 200));
    expect(() => process.kill(hung.pid, 0)).toThrow();
  });

  it('starts a new process when the configuration differs from the one it started with', async () => {
    worker = new SiteWorker(script);
    await worker.run({ RECORD: record, NEWSROOM_BUILD_PLAN: '/b1', SITE_TIME_ZONE: 'Europe/Belgrade' }, 10_000);
    await worker.run({ RECORD: record, NEWSROOM_BUILD_PLAN: '/b2', SITE_TIME_ZONE: 'Europe/Belgrade' }, 10_000);
    await worker.run({ RECORD: record, NEWSROOM_BUILD_PLAN: '/b3', SITE_TIME_ZONE: 'Europe/Tirane' }, 10_000);
    const pids = runs().map((r) => r.pid);
    expect(pids[1]).toBe(pids[0]);
    expect(pids[2]).not.toBe(pids[0]);
  });

  it('starts a new process when the site’s code changed since the last build', async () => {
    let stamp = 'a';
    worker = new SiteWorker(script, 20, () => stamp);
    await build('/b1');
    await build('/b2');
    stamp = 'b';
    await build('/b3');
    const pids = runs().map((r) => r.pid);
    expect(pids[1]).toBe(pids[0]);
    expect(pids[2]).not.toBe(pids[0]);
  });

  it('stamps the site’s code by its files, so an edit gives another stamp', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-code-'));
    fs.mkdirSync(path.join(repo, 'site', 'src'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'site', 'src', 'page.ts'), 'one');
    const before = siteCodeStamp(repo);
    expect(siteCodeStamp(repo)).toBe(before);
    fs.writeFileSync(path.join(repo, 'site', 'src', 'page.ts'), 'two, longer');
    expect(siteCodeStamp(repo)).not.toBe(before);
  });

  it('starts a new process when the heap neared its limit in the last build', async () => {
    worker = new SiteWorker(script, 20, () => '', 512);
    await build('/b1');
    await build('/bloated');
    await build('/b3');
    const pids = runs().map((r) => r.pid);
    expect(pids[1]).toBe(pids[0]);
    expect(pids[2]).not.toBe(pids[1]);
  });

  it('starts a new process every so many builds', async () => {
    worker = new SiteWorker(script, 2);
    for (const out of ['/b1', '/b2', '/b3']) await build(out);
    const pids = runs().map((r) => r.pid);
    expect(pids[1]).toBe(pids[0]);
    expect(pids[2]).not.toBe(pids[0]);
  });
});
