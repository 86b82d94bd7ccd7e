import fs from 'node:fs';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { LOCALE_CODES, type AlertTopic } from '@newsroom/shared-types';
import { createRelease, seedSubscribers, startStrapi } from '@newsroom/cms/testing';

/**
 * `npm run bench:mail`: 10 000 confirmed subscribers over the three languages and the
 * sections, one release published in the three languages that concerns every one of them,
 * and the time from the publish to the last message a local SMTP server accepted, through
 * the whole path (the CMS's cron, fan-out, delivery rows, claims, the pooled transport).
 * Measured against a bare nodemailer loop sending the same number of messages of the same
 * size to the same server, in the same run. Never part of `npm test`.
 */
const { values } = parseArgs({
  options: { subscribers: { type: 'string', default: '10000' }, connections: { type: 'string', default: '5' } },
});
const N = Number(values.subscribers);
const CONNECTIONS = values.connections;
const root = path.resolve(import.meta.dirname, '..', '..');
const log = (line: string) => console.log(`[bench:mail] ${line}`);

/** The SMTP server in its own process, so that it does not take the measured process's CPU. */
function startSink(): Promise<{ sink: ChildProcess; port: number }> {
  const sink = fork(path.join(import.meta.dirname, 'smtp-sink.mjs'), { stdio: 'inherit' });
  return new Promise((resolve) => sink.once('message', (m) => resolve({ sink, port: (m as { port: number }).port })));
}

interface SinkCounts {
  total: number;
  recipients: number;
  twice: number;
  last: number;
}
const ask = <T>(sink: ChildProcess, message: string) =>
  new Promise<T>((resolve) => {
    sink.once('message', (m) => resolve(m as T));
    sink.send(message);
  });

/** Peak resident memory and heap of this process while `work` runs, sampled every 50 ms. */
async function withMemory<T>(work: () => Promise<T>) {
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 50);
  try {
    const value = await work();
    return { value, rssBefore: before.rss, rssPeak: rss, heapBefore: before.heapUsed, heapPeak: heap };
  } finally {
    clearInterval(timer);
  }
}

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A message the size of an alert: a title, a summary, links and the footer, as text and HTML. */
const sample = (i: number) => {
  const text = `Budget for 2027 adopted\n\n${'The Government adopted the draft budget for 2027 at its meeting today. '.repeat(5)}\n\nRead it on the Office's website: https://kryeministri.example/en/press-releases/budget-for-2027-adopted/\n\nYou get this because you subscribed to e-mail alerts.\nChange your alerts: https://kryeministri.example/intake/alerts/manage?token=${'x'.repeat(43)}\nUnsubscribe: https://kryeministri.example/intake/alerts/unsubscribe?token=${'x'.repeat(43)}`;
  return {
    from: 'Office <office@office.example>',
    to: `bare-${i}@example.org`,
    subject: 'Budget for 2027 adopted',
    text,
    html: `<!doctype html><html><body>${text
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</body></html>`,
    headers: {
      'List-Unsubscribe': '<https://kryeministri.example/intake/alerts/unsubscribe>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
};

async function bareLoop(port: number) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: Number(CONNECTIONS),
    maxMessages: 1000,
  });
  const started = Date.now();
  await Promise.all(Array.from({ length: N }, (_, i) => transport.sendMail(sample(i))));
  const ms = Date.now() - started;
  transport.close();
  return ms;
}

async function until(check: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the messages did not all arrive in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  const { sink, port } = await startSink();
  log(`${N} messages, ${CONNECTIONS} pooled SMTP connections, SMTP server on port ${port}`);
  const bareMs = await bareLoop(port);
  log(`bare nodemailer loop: ${bareMs} ms, ${Math.round((N / bareMs) * 1000)} messages/s`);
  await ask(sink, 'reset');

  const app = await startStrapi({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_MAX_CONNECTIONS: CONNECTIONS,
      CRON_ENABLED: 'true',
      MAIL_EVERY_SECONDS: '1',
      SCHEDULE_EVERY_SECONDS: '60',
      SITE_URL: 'https://kryeministri.example',
    },
  });
  try {
    const sections: AlertTopic[] = ['release', 'speech', 'decision'];
    await seedSubscribers(app.strapi, N, {
      prefix: 'subscriber',
      locale: (n) => LOCALE_CODES[n % LOCALE_CODES.length],
      // Half follow everything, half some sections, every one of them with releases.
      topics: (n): AlertTopic[] => (n % 2 === 0 ? ['all'] : [...new Set(['release' as const, sections[(n >> 1) % 3]])]),
    });
    log(`${N} confirmed subscribers`);
    const figures = await withMemory(async () => {
      const publishedAt = Date.now();
      await createRelease(
        app.strapi,
        { sq: 'Buxheti për 2027 u miratua', 'sr-Latn': 'Budžet za 2027. usvojen', en: 'Budget for 2027 adopted' },
        ['sq', 'sr-Latn', 'en'],
      );
      await until(async () => (await ask<{ total: number }>(sink, 'count')).total >= N, 180_000);
      const counts = await ask<SinkCounts>(sink, 'counts');
      return { publishedAt, counts };
    });
    const { publishedAt, counts } = figures.value;
    const pathMs = counts.last - publishedAt;
    const results = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      database: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      subscribers: N,
      connections: Number(CONNECTIONS),
      bare: { ms: bareMs, perSecond: Math.round((N / bareMs) * 1000) },
      publishToLastAccepted: { ms: pathMs, perSecond: Math.round((N / pathMs) * 1000) },
      rateOfBare: Number((bareMs / pathMs).toFixed(2)),
      recipients: counts.recipients,
      receivedTwice: counts.twice,
      memory: {
        rssBeforeMiB: mib(figures.rssBefore),
        rssPeakMiB: mib(figures.rssPeak),
        heapBeforeMiB: mib(figures.heapBefore),
        heapPeakMiB: mib(figures.heapPeak),
      },
    };
    const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
    log(`publish → last message accepted: ${pathMs} ms, ${results.publishToLastAccepted.perSecond} messages/s`);
    log(
      `rate: ${Math.round(results.rateOfBare * 100)} % of the bare loop's (target ≥ 50 %: ${verdict(results.rateOfBare >= 0.5)})`,
    );
    log(`all ${N} within ${Math.round(pathMs / 1000)} s (target ≤ 60 s: ${verdict(pathMs <= 60_000)})`);
    log(
      `each subscriber once: ${counts.recipients} of ${N} got it, ${counts.twice} twice (${verdict(counts.recipients === N && counts.twice === 0)})`,
    );
    log(
      `memory: resident ${results.memory.rssBeforeMiB} → peak ${results.memory.rssPeakMiB} MiB, heap ${results.memory.heapBeforeMiB} → peak ${results.memory.heapPeakMiB} MiB`,
    );
    const out = path.join(root, 'bench', 'results', 'mail-latest.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`written to ${path.relative(root, out)}`);
    if (counts.recipients !== N || counts.twice !== 0) process.exitCode = 1;
  } finally {
    await app.stop();
    sink.kill();
  }
}

await main();
