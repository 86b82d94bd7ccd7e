import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { ALERTS_PATHS, wallTimeToInstant, type Locale } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';
import { recipientOf, startSmtp, type TestSmtp } from '../../test/smtp';
import { sendOutbox } from '../mail/worker';
import { HITS } from '../intake/guard';
import { loadEnv } from '../env';
import { runAlerts } from './cron';
import { CHANGES, DELIVERIES, SUPPRESSED } from './tables';

/**
 * E-mail alerts end to end over real HTTP and a real SMTP server: subscribe, confirm from
 * the mailed link, publish in the CMS, and read what arrives.
 */
let app: TestStrapi;
let smtp: TestSmtp;
/** A stand-in for the site builder: its /status names a live build that started at `liveStartedAt`. */
let liveStartedAt = Date.now() + 365 * 86_400_000;
const builder = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/status')
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          live: { id: 'live', startedAt: new Date(liveStartedAt).toISOString() },
          running: null,
          queued: [],
        }),
      );
    res.writeHead(202).end('{}');
  });
});
const RELEASE = 'api::release.release';

const env = () => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  MAIL_FROM: 'Office <office@office.example>',
  SITE_URL: 'https://site.example',
  ALERTS_DIGEST_TIME: '08:00',
  ADMIN_EMAIL: 'alerts@example.org',
  ADMIN_PASSWORD: 'Alerts-password-1',
  ALERTS_FEEDBACK_SECRET: 'feedback-secret-0123456789',
  BUILDER_WEBHOOK_URL: `http://127.0.0.1:${(builder.address() as AddressInfo).port}/webhook`,
  BUILDER_WEBHOOK_SECRET: 'alerts-builder-secret-0123456789',
});

const alerts = (now?: number) => runAlerts(app.strapi, loadEnv(), now);
const to = (address: string) => smtp.received.filter((m) => recipientOf(m) === address);
/** The next digest time (08:00, office time) after now: today's before it, tomorrow's after. */
function nextDigestAt(now = Date.now()): number {
  const day = (offset: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade' }).format(new Date(now + offset * 86_400_000));
  const today = wallTimeToInstant(`${day(0)}T08:00`).getTime();
  return today > now ? today : wallTimeToInstant(`${day(1)}T08:00`).getTime();
}
/** A link of the site in a message, asked of the CMS as the site's web server passes it on. */
const linkIn = (mail: ParsedMail, path: string) => {
  const found = new RegExp(`https://site\\.example(${path.replace(/\//g, '\\/')}\\?token=[\\w-]+)`).exec(
    mail.text ?? '',
  );
  if (!found) throw new Error(`No ${path} link in:\n${mail.text}`);
  return `${app.url}${found[1]}`;
};

/** A header as it was written (mailparser turns List-Unsubscribe into an object). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
const refusing = new Set<string>();

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return body;
};

async function subscribe(email: string, language: Locale, topics: string[], frequency = 'immediate') {
  await app.strapi.db.connection(HITS).del();
  return fetch(`${app.url}${ALERTS_PATHS.subscribe}`, {
    method: 'POST',
    headers: { Accept: 'text/html' },
    body: form({ email, language, topics, frequency, website: '' }),
  });
}

/** Subscribes and opens the confirmation link as a person would: GET shows a button, which POSTs. */
async function subscribeAndConfirm(email: string, language: Locale, topics: string[], frequency = 'immediate') {
  expect((await subscribe(email, language, topics, frequency)).status).toBe(200);
  await sendOutbox(app.strapi);
  const confirmation = to(email).at(-1)!;
  const link = linkIn(confirmation, ALERTS_PATHS.confirm);
  const page = await (await fetch(link)).text();
  expect(page).toContain('<form method="post"');
  const token = new URL(link).searchParams.get('token')!;
  const confirmed = await fetch(`${app.url}${ALERTS_PATHS.confirm}`, { method: 'POST', body: form({ token }) });
  expect(confirmed.status).toBe(200);
  return confirmation;
}

const publishRelease = (titles: Partial<Record<Locale, string>>, extra: Record<string, unknown> = {}) =>
  createRelease(app.strapi, titles, Object.keys(titles) as Locale[], extra);

beforeAll(async () => {
  smtp = await startSmtp({ refuse: (address) => refusing.has(address) });
  await new Promise<void>((resolve) => builder.listen(0, '127.0.0.1', resolve));
  app = await startStrapi({ listen: true, env: env() });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  for (const key of Object.keys(env())) delete process.env[key];
  builder.close();
});

beforeEach(async () => {
  // Earlier tests' changes are out of the way.
  await alerts();
  smtp.received.length = 0;
});

describe('subscribing', () => {
  it('sends nothing before the address is confirmed, then each release once, in the language chosen', async () => {
    const response = await subscribe('Ana@Example.org ', 'en', ['release']);
    expect(await response.text()).toContain('We sent a message to ana@example.org');
    await sendOutbox(app.strapi);
    const [confirmation] = to('ana@example.org');
    expect(confirmation.subject).toBe('Confirm your e-mail alerts from the Office of the Prime Minister');
    expect(confirmation.text).toContain('Press releases, as soon as it is published');

    await publishRelease({ en: 'Before confirming' });
    await alerts();
    expect(to('ana@example.org')).toHaveLength(1);

    const token = new URL(linkIn(confirmation, ALERTS_PATHS.confirm)).searchParams.get('token')!;
    const page = await (
      await fetch(`${app.url}${ALERTS_PATHS.confirm}`, { method: 'POST', body: form({ token }) })
    ).text();
    expect(page).toContain('We will write to ana@example.org about: Press releases');

    await publishRelease({ en: 'Budget for 2027 adopted', sq: 'Buxheti për 2027 u miratua' });
    const run = await alerts();
    expect(run.sent).toEqual(['sent']);
    const [alert] = to('ana@example.org').slice(1);
    expect(alert.subject).toBe('Budget for 2027 adopted');
    expect(alert.text).toContain('Summary of Budget for 2027 adopted');
    expect(alert.text).toMatch(/https:\/\/site\.example\/en\/press-releases\/budget-for-2027-adopted\//);
    expect(alert.html).toContain('<p>Budget for 2027 adopted</p>');
    expect(header(alert, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(alert, 'list-unsubscribe')).toMatch(
      /^<https:\/\/site\.example\/intake\/alerts\/unsubscribe\?token=[\w-]{43}>$/,
    );
    expect((await alerts()).sent).toEqual([]);
    expect(to('ana@example.org')).toHaveLength(2);
  });

  it('refuses what it cannot take, in the form language, by field', async () => {
    const bad = await subscribe('not-an-address', 'sq', []);
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('Kjo nuk është adresë e-maili');
    expect(page).toContain('Ju lutemi zgjidhni të paktën një gjë');
    const json = await fetch(`${app.url}${ALERTS_PATHS.subscribe}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.org', language: 'sr-Latn', topics: ['nothing'] }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ errors: ['Molimo izaberite bar jednu stvar koju želite da pratite.'] });
  });

  it('does not let a stranger add alerts to a confirmed address: the additions wait for its owner', async () => {
    await subscribeAndConfirm('owner@example.org', 'en', ['decision']);
    expect((await subscribe('owner@example.org', 'en', ['release'])).status).toBe(200);
    await publishRelease({ en: 'Not for the owner' });
    await alerts();
    expect(to('owner@example.org').map((m) => m.subject)).toEqual([
      'Confirm your e-mail alerts from the Office of the Prime Minister',
    ]);
  });

  it('refuses a confirmation link after seven days, and any link spelled twice or unknown', async () => {
    expect((await subscribe('late@example.org', 'sr-Latn', ['all'])).status).toBe(200);
    await sendOutbox(app.strapi);
    const link = linkIn(to('late@example.org')[0], ALERTS_PATHS.confirm);
    const token = new URL(link).searchParams.get('token')!;
    await app.strapi.db
      .connection('newsroom_alert_subscribers')
      .where({ email: 'late@example.org' })
      .update({ confirm_expires_at: Date.now() - 1 });
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Ovaj link više ne važi');
    expect((await fetch(`${app.url}${ALERTS_PATHS.confirm}`, { method: 'POST', body: form({ token }) })).status).toBe(
      410,
    );
    for (const query of [`token=${token}&token=${token}`, `token[]=${token}`, 'token=x'])
      expect((await fetch(`${app.url}${ALERTS_PATHS.unsubscribe}?${query}`, { method: 'POST' })).status).toBe(404);
  });
});

describe('what is sent', () => {
  it('tells of a correction with a change note, and of nothing for an edit without one', async () => {
    await subscribeAndConfirm('follower@example.org', 'en', ['release']);
    const documentId = await publishRelease({ en: 'Roads plan' });
    await alerts();
    const documents = app.strapi.documents(RELEASE);
    await documents.update({
      documentId,
      locale: 'en',
      data: { summary: 'Summary of the roads plan, typo fixed' } as never,
    });
    await documents.publish({ documentId, locale: 'en' });
    await alerts();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade' }).format(new Date());
    await documents.update({
      documentId,
      locale: 'en',
      data: { changeNotes: [{ date: today, text: 'The length of the road was 42 km, not 24 km.' }] } as never,
    });
    await documents.publish({ documentId, locale: 'en' });
    await alerts();
    expect(to('follower@example.org').map((m) => m.subject)).toEqual([
      'Confirm your e-mail alerts from the Office of the Prime Minister',
      'Roads plan',
      'Correction: Roads plan',
    ]);
    expect(to('follower@example.org')[2].text).toContain(
      'The Office corrected this item: The length of the road was 42 km, not 24 km.',
    );
  });

  it('sends an embargoed release only once its embargo ends', async () => {
    await subscribeAndConfirm('embargo@example.org', 'en', ['all']);
    const until = Date.now() + 3_600_000;
    await publishRelease({ en: 'Embargoed news' }, { embargoUntil: new Date(until).toISOString() });
    await alerts();
    await alerts(until - 1000);
    expect(to('embargo@example.org')).toHaveLength(1);
    await alerts(until + 1000);
    expect(to('embargo@example.org').map((m) => m.subject)).toContain('Embargoed news');
  });

  it('stops everything at once on a one-click unsubscribe (RFC 8058), with a POST and no login', async () => {
    await subscribeAndConfirm('leaving@example.org', 'sq', ['all', 'release']);
    await publishRelease({ sq: 'Lajm i parë' });
    await alerts();
    const [, alert] = to('leaving@example.org');
    const address = header(alert, 'list-unsubscribe')!.slice(1, -1).replace('https://site.example', app.url);
    const page = await fetch(address);
    expect(await page.text()).toContain('T’i ndalim të gjitha njoftimet për leaving@example.org?');
    const oneClick = await fetch(address, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    await publishRelease({ sq: 'Lajm i dytë' });
    await alerts();
    expect(to('leaving@example.org')).toHaveLength(2);
  });

  it('suppresses an address the server refuses for good, on every list', async () => {
    await subscribeAndConfirm('bounce@example.org', 'en', ['release']);
    // The mailbox closed after the subscriber confirmed.
    refusing.add('bounce@example.org');
    await publishRelease({ en: 'Bounced news' });
    expect((await alerts()).sent.filter((outcome) => outcome !== 'sent')).toEqual(['failed']);
    expect(await app.strapi.db.connection(SUPPRESSED).where({ email: 'bounce@example.org' }).first()).toMatchObject({
      reason: expect.stringMatching(/No such user/),
    });
    await publishRelease({ en: 'More news' });
    await alerts();
    const rows = await app.strapi.db.connection(DELIVERIES).whereIn('subscriber_id', function () {
      void this.select('id').from('newsroom_alert_subscribers').where({ email: 'bounce@example.org' });
    });
    expect(rows).toHaveLength(1);

    const login = await fetch(`${app.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'alerts@example.org', password: 'Alerts-password-1' }),
    });
    const { token } = ((await login.json()) as { data: { token: string } }).data;
    const desk = (await (
      await fetch(`${app.url}/newsroom/editorial`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { mail: { failed: Array<{ to: string; subject: string; last_error: string }> } };
    expect(desk.mail.failed).toContainEqual(
      expect.objectContaining({
        to: 'bounce@example.org',
        subject: 'Alert: Bounced news',
        last_error: expect.stringMatching(/550/),
      }),
    );
  });

  it('sends a daily subscriber one digest at the office time, with everything since the last', async () => {
    await subscribeAndConfirm('daily@example.org', 'en', ['release', 'decision'], 'daily');
    await publishRelease({ en: 'Morning release' });
    await publishRelease({ en: 'Afternoon release' });
    await alerts();
    expect(to('daily@example.org')).toHaveLength(1);
    const digestAt = nextDigestAt();
    await alerts(digestAt - 60_000);
    expect(to('daily@example.org')).toHaveLength(1);
    await alerts(digestAt + 60_000);
    await alerts(digestAt + 120_000);
    const digests = to('daily@example.org').slice(1);
    expect(digests).toHaveLength(1);
    // Every release and decision in English since the last digest time: this test's and the earlier ones'.
    const [{ n }] = await app.strapi.db
      .connection(CHANGES)
      .where({ locale: 'en' })
      .whereIn('type', ['release', 'decision'])
      .whereNotNull('fanned_out_at')
      .count<Array<{ n: number | string }>>({ n: '*' });
    expect(digests[0].subject).toMatch(new RegExp(`^The Office of the Prime Minister, \\d+ \\w+ \\d{4}: ${n} new$`));
    expect(digests[0].text).toMatch(/Morning release[\s\S]+Afternoon release/);
  });

  it('sends a day’s digest after midnight when nothing could send it in its own day', async () => {
    await subscribeAndConfirm('late@example.org', 'en', ['release'], 'daily');
    await publishRelease({ en: 'Late night release' });
    await alerts();
    // 04:00 office time on the day after the digest was due: the next one is four hours away.
    await alerts(nextDigestAt() + 20 * 3_600_000);
    const digests = to('late@example.org').slice(1);
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toMatch(/Late night release/);
  });

  it('suppresses an address the mail provider reports as bounced later or complaining, given its secret', async () => {
    await subscribeAndConfirm('complains@example.org', 'en', ['all']);
    const report = (body: unknown, token?: string) =>
      fetch(`${app.url}/newsroom/alerts/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const complaint = { email: 'complains@example.org', type: 'complaint', reason: 'marked as spam' };
    expect((await report(complaint)).status).toBe(401);
    expect((await report(complaint, 'feedback-secret-012345678')).status).toBe(401);
    expect((await report({ ...complaint, type: 'love' }, 'feedback-secret-0123456789')).status).toBe(400);
    expect((await report(complaint, 'feedback-secret-0123456789')).status).toBe(204);
    await publishRelease({ en: 'After the complaint' });
    await alerts();
    expect(to('complains@example.org').map((m) => m.subject)).not.toContain('After the complaint');
    // Confirming a subscription again is the owner asking for mail again.
    await subscribeAndConfirm('complains@example.org', 'en', ['all']);
    await publishRelease({ en: 'Wanted again' });
    await alerts();
    expect(to('complains@example.org').map((m) => m.subject)).toContain('Wanted again');
  });

  it('waits for the site to show the item before alerting, and goes out regardless after ten minutes', async () => {
    await subscribeAndConfirm('patient@example.org', 'en', ['release']);
    const published = Date.now();
    liveStartedAt = published - 60_000;
    try {
      await publishRelease({ en: 'Not on the site yet' });
      await alerts();
      expect(to('patient@example.org')).toHaveLength(1);
      // The builder's next build goes live.
      liveStartedAt = Date.now();
      await alerts();
      expect(to('patient@example.org').map((m) => m.subject)).toContain('Not on the site yet');

      liveStartedAt = published - 60_000;
      await publishRelease({ en: 'The builder is stuck' });
      await alerts(Date.now() + 9 * 60_000);
      expect(to('patient@example.org').map((m) => m.subject)).not.toContain('The builder is stuck');
      await alerts(Date.now() + 11 * 60_000);
      expect(to('patient@example.org').map((m) => m.subject)).toContain('The builder is stuck');
    } finally {
      liveStartedAt = Date.now() + 365 * 86_400_000;
    }
  });
});
