import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';
import { seedSubscribers } from '../../test/fixtures/subscribers';
import { recipientOf, startSmtp, type TestSmtp } from '../../test/smtp';
import { DELIVERIES } from './tables';

/**
 * Alerts sent by CMS instances running their crons side by side on one database (on
 * PostgreSQL in CI's second pass), and by one stopped in the middle and started again.
 */
let app: TestStrapi;
let smtp: TestSmtp;
const instances: Array<{ process: ChildProcess; log: string }> = [];

/** Another CMS instance on this test's database, sending alerts every second. */
async function startInstance() {
  const instance = {
    process: spawn(process.execPath, [path.join(__dirname, '..', '..', 'test', 'instance.cjs')], {
      env: { ...process.env, CRON_ENABLED: 'true', MAIL_EVERY_SECONDS: '1', SCHEDULE_EVERY_SECONDS: '60' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    log: '',
  };
  instance.process.stdout!.on('data', (d) => (instance.log += d));
  instance.process.stderr!.on('data', (d) => (instance.log += d));
  instances.push(instance);
  await until(() => instance.log.includes('instance ready'), 'a CMS instance to start', 120_000, instance);
  return instance;
}

async function stopInstance(instance: (typeof instances)[number]) {
  if (instance.process.exitCode !== null) return;
  const exited = new Promise((r) => instance.process.once('exit', r));
  instance.process.kill('SIGTERM');
  await exited;
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000, instance = instances.at(-1)) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline || instance?.process.exitCode != null)
      throw new Error(`timed out waiting for ${what}; an instance's log:\n${instance?.log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Each address's messages with this subject: every count must be exactly one. */
const countsOf = (subject: string) => {
  const counts = new Map<string, number>();
  for (const mail of smtp.received.filter((m) => m.subject === subject))
    counts.set(recipientOf(mail)!, (counts.get(recipientOf(mail)!) ?? 0) + 1);
  return counts;
};

beforeAll(async () => {
  smtp = await startSmtp({ delayMs: 5 });
  app = await startStrapi({
    listen: true,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SITE_URL: 'https://site.example' },
  });
});

afterAll(async () => {
  for (const instance of instances) await stopInstance(instance);
  await app?.stop();
  await smtp?.close();
  for (const key of ['SMTP_HOST', 'SMTP_PORT', 'SITE_URL']) delete process.env[key];
});

describe('alerts sent by several CMS instances', () => {
  it('share one fan-out between two instances, and send each subscriber one message', async () => {
    const emails = await seedSubscribers(app.strapi, 400, {
      prefix: 'shared',
      locale: () => 'en',
      topics: () => ['all'],
    });
    const [first, second] = [await startInstance(), await startInstance()];
    await createRelease(app.strapi, { en: 'Shared between instances' }, ['en']);
    await until(
      () => countsOf('Shared between instances').size === emails.length,
      'every subscriber to get the release',
    );
    // Both crons ticked several times more: a second claim of a row would have sent it again.
    await new Promise((r) => setTimeout(r, 3000));
    const counts = countsOf('Shared between instances');
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(emails.length);
    await stopInstance(first);
    await stopInstance(second);
  });

  it('sends no message twice and leaves none unsent when the sending instance is stopped in the middle and started again', async () => {
    const emails = await seedSubscribers(app.strapi, 600, {
      prefix: 'restart',
      locale: () => 'sq',
      topics: () => ['release'],
    });
    const instance = await startInstance();
    await createRelease(app.strapi, { sq: 'Pa dyfishime' }, ['sq']);
    await until(() => countsOf('Pa dyfishime').size >= 100, 'the sending to be under way');
    await stopInstance(instance);
    const stoppedAt = countsOf('Pa dyfishime').size;
    expect(stoppedAt).toBeLessThan(emails.length);
    // Nothing was left claimed by the stopped instance: it finished and marked what it had started.
    const claimed = await app.strapi.db.connection(DELIVERIES).whereNotNull('claimed_by').select('id');
    expect(claimed).toEqual([]);
    await startInstance();
    await until(() => countsOf('Pa dyfishime').size === emails.length, 'every subscriber to get the release');
    await new Promise((r) => setTimeout(r, 2000));
    expect([...countsOf('Pa dyfishime').values()].every((n) => n === 1)).toBe(true);
  });
});
