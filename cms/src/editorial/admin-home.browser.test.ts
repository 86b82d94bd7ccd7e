import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { adminAs, fillAdminLogin, signInToAdmin } from '../../test/admin-users';
import { ensureAdminBuild } from '../../test/admin-build';
import { hasChromium, launchChromium, screenshotsFolder } from '../../test/chromium';
import { createRelease } from '../../test/fixtures/release';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { ROLES } from '../bootstrap/roles';
import { DEVELOPMENT_ONLY_ACTIONS } from '../bootstrap/development-tools';
import en from '../admin/translations/en.json';
import sq from '../admin/translations/sq.json';
import srLatn from '../admin/translations/sr-Latn.json';

const MESSAGES: Record<string, Record<keyof typeof en, string>> = { en, sq, 'sr-Latn': srLatn };

/** The admin's home as the office meets it, built and served, in Chromium. */

let app: TestStrapi;
let browser: Browser;
let editor: Awaited<ReturnType<typeof adminAs>>;
const consoleErrors: string[] = [];

/** Keeps every console error, uncaught error and failed request of a page. */
function watch(page: Page, label: string) {
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(`${label}: ${message.text()}`));
  page.on('pageerror', (error) => consoleErrors.push(`${label}: ${error.message}`));
  page.on(
    'response',
    (response) => response.status() >= 400 && consoleErrors.push(`${label}: ${response.status()} ${response.url()}`),
  );
}

const signIn = (email: string, language?: string): Promise<Page> =>
  signInToAdmin(browser, app, email, { language, watch: (page) => watch(page, email) });

let SCREENSHOTS: string;

describe.skipIf(!hasChromium)('the admin, as the office uses it', () => {
  beforeAll(async () => {
    ensureAdminBuild();
    SCREENSHOTS = screenshotsFolder();
    app = await startStrapi({ listen: true, serveAdmin: true });
    editor = await adminAs(app, 'home-editor@example.org', ROLES.editor.code);
    await adminAs(app, 'home-admin@example.org', null);
    await adminAs(app, 'home-author@example.org', ROLES.author.code);
    // Strapi allows a user five logins in a few minutes: the editor who publishes is another one per language.
    for (const code of Object.keys(WORDS))
      await adminAs(app, `publisher-${code.toLowerCase()}@example.org`, ROLES.editor.code);
    await createRelease(app.strapi, { sq: 'E planifikuar për nesër' }, [], {
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await createRelease(app.strapi, { sq: 'E vonuar' }, [], {
      publishAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows an editor the desk’s summary first, with the counts the desk has, and no project statistics', async () => {
    const report = (await editor('GET', '/newsroom/editorial')).body;
    const page = await signIn('home-editor@example.org');
    const line = (id: string) => page.locator(`[data-line="newsroom.home.${id}"]`);
    await line('overdue').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-home-editor-en.png') });
    expect(await line('overdue').textContent()).toBe(`Overdue${report.overdue.length}`);
    expect(report.overdue.length).toBeGreaterThan(0);
    expect(await line('scheduled').textContent()).toBe(`Scheduled${report.scheduled.length}`);
    expect(report.scheduled.length).toBeGreaterThan(0);
    expect(await line('embargoed').textContent()).toBe(`Under embargo${report.embargoed.length}`);
    const missing =
      (Object.values(report.translations.missing) as number[]).reduce((a, b) => a + b, 0) +
      (Object.values(report.translations.outdated) as number[]).reduce((a, b) => a + b, 0);
    expect(await line('translations').textContent()).toBe(`Translations to do${missing}`);
    expect(await page.getByRole('link', { name: 'Open the desk' }).getAttribute('href')).toMatch(/editorial-desk$/);
    expect(await page.getByText('Project statistics').count()).toBe(0);
    expect(await page.getByText('Read blog post').count()).toBe(0);
    await page.close();
  });

  /** What an editor reads first in each language: the login, the home, the content manager and an edit view's labels and hints. */
  const WORDS = {
    sq: {
      name: 'Albanian',
      login: 'Hyr',
      hello: 'Përshëndetje',
      overdue: 'Me vonesë',
      collection: 'Komunikatat',
      create: 'Krijo një hyrje të re',
      title: 'Titulli',
      publishAt: 'Publiko më',
      hint: 'Ruajeni draftin pa e publikuar',
      desk: 'Tryeza editoriale',
      mainLanguage: 'Shqip (sq) (kryesore)',
      issuedAt: 'Lëshuar më',
      save: 'Ruaj',
      saved: 'Dokumenti u ruajt',
      publish: 'Publiko',
      published: 'Dokumenti u publikua',
    },
    'sr-Latn': {
      name: 'Serbian',
      login: 'Prijavi se',
      hello: 'Zdravo',
      overdue: 'Zakasnelo',
      collection: 'Saopštenja',
      create: 'Napravi novi unos',
      title: 'Naslov',
      publishAt: 'Objavi u',
      hint: 'Sačuvajte nacrt bez objavljivanja',
      desk: 'Urednički pult',
      mainLanguage: 'Shqip (sq) (glavni)',
      issuedAt: 'Izdato',
      save: 'Sačuvaj',
      saved: 'Dokument je sačuvan',
      publish: 'Objavi',
      published: 'Dokument je objavljen',
    },
    en: {
      name: 'English',
      login: 'Login',
      hello: 'Hello',
      overdue: 'Overdue',
      collection: 'Press release',
      create: 'Create new entry',
      title: 'Title',
      publishAt: 'Publish at',
      hint: 'Save the draft without publishing',
      desk: 'Editorial desk',
      mainLanguage: 'Shqip (sq) (default)',
      issuedAt: 'Issued at',
      save: 'Save',
      saved: 'Saved document',
      publish: 'Publish',
      published: 'Published document',
    },
  } as const;

  /** Fills a release's words in the edit view that is open, saves and publishes it. */
  async function writeAndPublish(
    page: Page,
    words: (typeof WORDS)[keyof typeof WORDS],
    text: { title: string; summary: string; body: string },
  ) {
    await page.locator('input[name="title"]').fill(text.title);
    await page.locator('textarea[name="summary"]').fill(text.summary);
    await page.locator('[contenteditable="true"]').first().click();
    // In one input, as a paste is: Strapi's blocks editor remounts and loses the caret when its
    // 300 ms sync lands between two keystrokes, which a loaded machine makes likely.
    await page.keyboard.insertText(text.body);
    await page.getByRole('button', { name: words.save, exact: true }).click();
    await page.getByText(words.saved).first().waitFor();
    await page.getByRole('button', { name: words.publish, exact: true }).click();
    await page.getByText(words.published).first().waitFor();
  }

  /**
   * The home's "last edited" times read as the language writes them, as a browser with every
   * language's formats (Node's full ICU here) would write them: Chromium has no Albanian ones.
   */
  async function expectTimesIn(page: Page, code: string) {
    // ICU versions differ in the space before AM (a narrow no-break space since CLDR 42).
    const spaced = (text: string | null) => text?.replace(/\s/gu, ' ');
    const times = page.locator('time[role="time"]');
    await times.first().waitFor();
    const relative = new Intl.RelativeTimeFormat(code, { numeric: 'auto' });
    for (const time of await times.all()) {
      const instant = new Date((await time.getAttribute('datetime'))!);
      const date = new Intl.DateTimeFormat(code).format(instant);
      const clock = new Intl.DateTimeFormat(code, { hour: 'numeric', minute: 'numeric' }).format(instant);
      expect(spaced(await time.getAttribute('title'))).toBe(spaced(`${date} ${clock}`));
      const ago = (['second', 'minute', 'hour'] as const).flatMap((unit) =>
        Array.from({ length: 60 }, (_, n) => relative.format(-n, unit)),
      );
      expect(ago).toContain(await time.textContent());
    }
  }

  for (const [code, words] of Object.entries(WORDS)) {
    it(`speaks ${words.name} to whoever chose it: an editor's login, home, menu, collections, lists and edit view, and an author's and the administrator's home`, async () => {
      const page = await browser.newPage();
      watch(page, code);
      await page.addInitScript((language) => window.localStorage.setItem('strapi-admin-language', language), code);
      await page.goto(`${app.url}/admin/auth/login`);
      await page.getByRole('button', { name: words.login }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(code);
      await page.screenshot({ path: path.join(SCREENSHOTS, `admin-login-${code}.png`) });
      await fillAdminLogin(page, 'home-editor@example.org');
      await page.getByRole('heading', { name: new RegExp(`^${words.hello}`) }).waitFor();
      expect(await page.locator('[data-line="newsroom.home.overdue"]').textContent()).toMatch(
        new RegExp(`^${words.overdue}\\d+$`),
      );
      expect(await page.getByRole('link', { name: words.desk }).count()).toBeGreaterThan(0);
      await expectTimesIn(page, code);
      await page.screenshot({ path: path.join(SCREENSHOTS, `admin-home-${code}.png`) });
      await page.goto(`${app.url}/admin/content-manager/collection-types/api::release.release`);
      await page.getByRole('link', { name: words.create }).first().waitFor();
      expect(await page.getByRole('link', { name: words.collection, exact: true }).count()).toBe(1);
      await page.getByText(words.mainLanguage, { exact: true }).first().waitFor();
      await page.getByRole('link', { name: words.create }).first().click();
      await page.getByText(words.publishAt, { exact: true }).first().waitFor();
      // The hint under it too, and no other language's.
      for (const [other, theirs] of Object.entries(WORDS))
        expect(await page.getByText(theirs.hint).count(), other).toBe(other === code ? 1 : 0);
      await page.getByText(words.hint).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `admin-edit-hints-${code}.png`) });
      // A required field's label ends in an asterisk.
      expect(await page.getByText(new RegExp(`^${words.title}\\*?$`)).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `admin-edit-release-${code}.png`), fullPage: true });
      await page.close();
      // The other roles the README describes meet the same language.
      for (const email of ['home-author@example.org', 'home-admin@example.org']) {
        const other = await signIn(email, code);
        await other.getByRole('heading', { name: new RegExp(`^${words.hello}`) }).waitFor();
        expect(await other.getAttribute('html', 'lang'), email).toBe(code);
        await other.close();
      }
    });
  }

  for (const [code, words] of Object.entries(WORDS)) {
    it(`lets the Editor create a release in Albanian, translate it into English and publish both, with the admin in ${words.name}`, async () => {
      const page = await signIn(`publisher-${code.toLowerCase()}@example.org`, code);
      await page.goto(
        `${app.url}/admin/content-manager/collection-types/api::release.release/create?plugins[i18n][locale]=sq`,
      );
      const issued = page.getByRole('group', { name: new RegExp(words.issuedAt) });
      // The 15th of this month, picked in the calendar as an editor does, whatever the language's date order.
      await issued.locator('input').first().click();
      await page.locator('[role="grid"] td').filter({ hasText: /^15$/ }).first().click();
      await issued.locator('input').nth(1).fill('09:00');
      await issued.locator('input').nth(1).press('Enter');
      await writeAndPublish(page, words, {
        title: `Qeveria miraton planin për ujin (${code})`,
        summary: 'Plani sjell ujë të pijshëm në 40 fshatra.',
        body: 'Qeveria miratoi sot planin kombëtar për ujin.',
      });
      const documents = app.strapi.documents(CONTENT_TYPES.release.uid);
      const [sq] = (await documents.findMany({
        locale: 'sq',
        status: 'published',
        filters: { title: `Qeveria miraton planin për ujin (${code})` },
      } as never)) as Array<{ documentId: string; issuedAt: string; body: unknown }>;
      expect(sq, 'published in Albanian').toBeTruthy();
      expect(JSON.stringify(sq.body)).toContain('Qeveria miratoi sot planin kombëtar për ujin.');
      expect(new Date(sq.issuedAt).getUTCDate()).toBe(15);

      await page.getByRole('combobox').filter({ hasText: 'Shqip (sq)' }).click();
      await page.getByRole('option').filter({ hasText: 'English (en)' }).click();
      await page.waitForURL(/locale(\]|%5D)=en/);
      await writeAndPublish(page, words, {
        title: `The Government adopts the water plan (${code})`,
        summary: 'The plan brings drinking water to 40 villages.',
        body: 'The Government today adopted the national water plan.',
      });
      await page.screenshot({ path: path.join(SCREENSHOTS, `admin-published-translation-${code}.png`) });
      const en = (await documents.findOne({
        documentId: sq.documentId,
        locale: 'en',
        status: 'published',
      } as never)) as { title: string; issuedAt: string; body: unknown } | null;
      expect(en).toMatchObject({ title: `The Government adopts the water plan (${code})`, issuedAt: sq.issuedAt });
      expect(JSON.stringify(en!.body)).toContain('The Government today adopted the national water plan.');
      // The CMS's own refusals in the admin's language: the address of a published item stays.
      const before = consoleErrors.length;
      await page.locator('input[name="slug"]').fill(`another-address-${code.toLowerCase()}`);
      await page.getByRole('button', { name: words.save, exact: true }).click();
      await page.getByText(MESSAGES[code]['newsroom.problem.slugOfPublished']).first().waitFor();
      // The refused save is the one failed request, as the page and the console report it.
      await expect.poll(() => consoleErrors.length - before).toBe(2);
      const refused = consoleErrors.splice(before);
      expect(refused.filter((e) => !/ 400 |status of 400/.test(e))).toEqual([]);
      await page.close();
    });
  }

  it('offers neither the Content-Type Builder nor the Marketplace outside development, not even to the super admin', async () => {
    const page = await signIn('home-admin@example.org');
    await page.getByRole('heading', { name: 'Editorial desk' }).waitFor();
    const links = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.some((href) => href.includes('content-manager'))).toBe(true);
    expect(links.filter((href) => href.includes('content-type-builder') || href.includes('market.strapi.io'))).toEqual(
      [],
    );
    const kept = await app.strapi.db
      .query('admin::permission')
      .count({ where: { action: { $in: DEVELOPMENT_ONLY_ACTIONS } } });
    expect(kept).toBe(0);
    await page.close();
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
