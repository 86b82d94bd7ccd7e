import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { adminAs, signInToAdmin } from '../../test/admin-users';
import { ensureAdminBuild } from '../../test/admin-build';
import { hasChromium, launchChromium, screenshotsFolder } from '../../test/chromium';
import { ROLES } from '../bootstrap/roles';
import en from '../admin/translations/en.json';
import sq from '../admin/translations/sq.json';
import srLatn from '../admin/translations/sr-Latn.json';

/** The requests desk as an officer uses it: the admin panel built and served, in Chromium. */

const REQUESTS = CONTENT_TYPES.documentRequest.uid;
let app: TestStrapi;
let browser: Browser;

const submit = async (description: string) =>
  (await app.strapi.documents(REQUESTS as never).create({
    data: {
      name: 'Luan Morina',
      email: 'luan@example.org',
      description,
      preferredFormat: 'electronic',
      language: 'en',
    } as never,
  })) as unknown as { documentId: string; reference: string };

/** Every request the admin makes to a host other than this machine's: a government server does not call out. */
const outside: string[] = [];

const signIn = (email: string, language?: string): Promise<Page> =>
  signInToAdmin(browser, app, email, {
    language,
    watch: (page) =>
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !['127.0.0.1', 'localhost'].includes(url.hostname))
          outside.push(request.url());
      }),
  });

describe.skipIf(!hasChromium)('the requests desk in the admin', () => {
  beforeAll(async () => {
    ensureAdminBuild();
    app = await startStrapi({ listen: true, serveAdmin: true });
    await adminAs(app, 'desk-officer@example.org', ROLES.requestsOfficer.code);
    await adminAs(app, 'desk-author@example.org', ROLES.author.code);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows an overdue request as overdue, and takes the officer's answer with its letter and history", async () => {
    const late = await submit('The contracts for the new press centre');
    const long = new Date(Date.now() - 20 * 86_400_000);
    await app.strapi.db.query(REQUESTS as never).update({
      where: { documentId: late.documentId },
      data: { createdAt: long, dueAt: new Date(long.getTime() + 7 * 86_400_000) } as never,
    });
    const fresh = await submit('The list of accredited journalists');

    const page = await signIn('desk-officer@example.org');
    await page.getByRole('link', { name: 'Requests desk' }).click();
    const lateRow = page.locator('tr', { hasText: late.reference });
    await expect.poll(() => lateRow.textContent()).toContain('Overdue: counts as a refusal');
    expect(await page.locator('tr', { hasText: fresh.reference }).textContent()).toContain('Running');

    await page.getByLabel('Clock').selectOption('overdue');
    await expect.poll(() => page.locator('tr', { hasText: fresh.reference }).count()).toBe(0);
    expect(await lateRow.count()).toBe(1);

    await page.getByRole('button', { name: late.reference }).click();
    await page.getByLabel('Step').selectOption('grant');
    await page.getByRole('button', { name: 'Grant access' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Please fill this in.');
    await page.getByLabel('Answer to the requester').fill('The contracts are attached.');
    await page.getByRole('button', { name: 'Grant access' }).click();
    await expect
      .poll(() => page.locator('ol').last().textContent())
      .toContain('Grant access (received → granted) by desk-officer@example.org');
    expect(await page.locator('h2', { hasText: late.reference }).locator('..').textContent()).toContain(
      'Answered late',
    );
    const letter = await app.strapi.db
      .connection('newsroom_mail_outbox')
      .where('key', 'like', `${late.reference}:granted:%`)
      .first();
    expect(letter).toMatchObject({ to: 'luan@example.org' });
    expect(letter.text).toContain('The contracts are attached.');
    // Strapi's guided tour, which covered the content manager, is switched off.
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('STRAPI_GUIDED_TOUR') ?? '{}').enabled)).toBe(
      false,
    );
    expect(outside).toEqual([]);
  });

  for (const [code, messages] of [
    ['sq', sq],
    ['sr-Latn', srLatn],
  ] as const) {
    it(`lets the officer work a late request with the admin in ${code === 'sq' ? 'Albanian' : 'Serbian'}`, async () => {
      /** The desk's words in the officer's language, which must not be the English. */
      const say = (id: keyof typeof en & keyof typeof messages) => {
        expect(messages[id], id).not.toBe(en[id]);
        return messages[id];
      };
      const late = await submit(`The press office's budget for 2026 (${code})`);
      const long = new Date(Date.now() - 20 * 86_400_000);
      await app.strapi.db.query(REQUESTS as never).update({
        where: { documentId: late.documentId },
        data: { createdAt: long, dueAt: new Date(long.getTime() + 7 * 86_400_000) } as never,
      });
      const officer = `desk-officer-${code.toLowerCase()}@example.org`;
      await adminAs(app, officer, ROLES.requestsOfficer.code);

      const page = await signIn(officer, code);
      await page.getByRole('link', { name: say('newsroom.requests-desk') }).click();
      expect(await page.getAttribute('html', 'lang')).toBe(code);
      await expect
        .poll(() => page.locator('tr', { hasText: late.reference }).textContent())
        .toContain(say('newsroom.requests.clock.overdue'));
      await page.getByRole('button', { name: late.reference }).click();
      await page.getByLabel(say('newsroom.requests.step')).selectOption('grant');
      await page.getByRole('button', { name: say('newsroom.requests.action.grant') }).click();
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toContain(say('newsroom.requests.problem.required'));
      await page.getByLabel(say('newsroom.requests.need.answer')).fill('The budget is attached.');
      await page.getByRole('button', { name: say('newsroom.requests.action.grant') }).click();
      const step = `${say('newsroom.requests.action.grant')} (${say('newsroom.requests.state.received')} → ${say('newsroom.requests.state.granted')})`;
      await expect.poll(() => page.locator('ol').last().textContent()).toContain(step);
      const detail = (await page.locator('h2', { hasText: late.reference }).locator('..').textContent()) ?? '';
      expect(detail).toContain(say('newsroom.requests.clock.answered-late'));
      // Codes in words, the arrival in the history, and dates written in the language (not "Nov 18, 2026").
      for (const id of [
        'newsroom.requests.format.electronic',
        'newsroom.requests.action.receive',
        'newsroom.requests.actor.public',
      ] as const)
        expect(detail).toContain(say(id));
      expect(detail).toContain('English');
      expect(detail).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/);
      expect(detail).not.toMatch(/\d (AM|PM)\b/);
      await page.screenshot({
        path: path.join(screenshotsFolder(), `admin-requests-desk-${code}.png`),
        fullPage: true,
      });
      await page.close();
    });
  }

  it("is not in an author's menu, and shows an author nothing", async () => {
    const page = await signIn('desk-author@example.org');
    await expect.poll(() => page.getByRole('link', { name: 'Editorial desk' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Requests desk' }).count()).toBe(0);
    await page.goto(`${app.url}/admin/requests-desk`);
    expect(await page.locator('body').textContent()).not.toContain('Luan Morina');
  });
});
