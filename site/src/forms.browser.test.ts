import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import {
  ALERTS_PATHS,
  FORMS,
  LOCALES,
  REFERENCE,
  formPath,
  itemPathOf,
  thanksPath,
  type FormKind,
  type Locale,
} from '@newsroom/shared-types';
import { specialPath } from './lib/routes';
import {
  startStrapi,
  type TestStrapi,
  createRelease,
  sendOutbox,
  HITS,
  intakeText,
  hasChromium,
  launchChromium,
  runAlerts,
  takeStep,
  adminAs,
  releaseData,
} from '@newsroom/cms/testing';
import { staticServer } from '@newsroom/scripts/testing';
import { buildSite } from '../test/build-site';
import { RESOURCES } from './lib/i18n';

/**
 * The public's forms in Chromium, with JavaScript off and on: the site built and served as
 * the builder serves it (the intake passed to a real CMS), and the acknowledgement read from
 * a real SMTP server in the test process.
 */

let cms: TestStrapi;
let server: FastifyInstance;
let smtp: SMTPServer;
let browser: Browser;
let base: string;
let work: string;
const mails: ParsedMail[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const tr = (locale: Locale, key: string) => RESOURCES[locale][key];
const LETTER = { name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

/** Fills in and sends a form as a person would; returns the address given. */
async function send(
  context: BrowserContext,
  kind: FormKind,
  locale: Locale,
  overrides: Record<string, string> = {},
  file?: { name: string; mimeType: string; buffer: Buffer },
) {
  await cms.strapi.db.connection(HITS).del();
  const page = await context.newPage();
  await page.goto(`${base}${formPath(kind, locale)}`);
  const email = `${kind}.${locale}.${Date.now()}@example.org`.toLowerCase();
  const values: Record<string, string> = {
    'form.name': 'Arta Berisha',
    'form.email': email,
    ...{
      documentRequest: { 'form.description': 'Procesverbali i mbledhjes së Qeverisë, 12 nëntor 2026' },
      mediaInquiry: {
        'form.outlet': 'Radio Kosova',
        'form.question': 'When will the minister visit the municipality?',
      },
      officeMessage: { 'form.subject': 'Orari i pritjes', 'form.message': 'Kur mund të takoj zyrtarin për ankesa?' },
      accreditation: { 'form.outlet': 'Radio Kosova', 'form.event': 'Samiti i Procesit të Berlinit' },
    }[kind],
    ...overrides,
  };
  for (const [key, value] of Object.entries(values))
    await page.getByLabel(tr(locale, key), { exact: false }).first().fill(value);
  // The accreditation form asks for the editor's letter and for consent; the others take a file if given one.
  const letter = file ?? (kind === 'accreditation' ? LETTER : undefined);
  const fileLabel = FORMS[kind].attachment === 'required' ? 'form.letter' : 'form.attachment';
  if (letter) await page.getByLabel(tr(locale, fileLabel), { exact: false }).setInputFiles(letter);
  if (kind === 'accreditation') await page.getByLabel(tr(locale, 'form.consent')).check();
  expect(await page.locator('input[name=website]').isVisible()).toBe(false);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: tr(locale, 'form.submit') }).click()]);
  return { page, email };
}

describe.skipIf(!hasChromium)("the public's forms in Chromium", () => {
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          mails.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-forms-'));
    fs.mkdirSync(path.join(work, 'builds'), { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    cms = await startStrapi({
      listen: true,
      env: {
        SITE_URL: base,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
        OFFICE_EMAIL: 'desk@office.example',
        ACCREDITED_OUTLETS_PUBLIC: 'true',
      },
    });
    await createRelease(cms.strapi, { sq: 'Lajm', 'sr-Latn': 'Vest', en: 'News' }, ['sq', 'sr-Latn', 'en']);
    const accreditation = (await cms.strapi.documents('api::accreditation.accreditation').create({
      data: {
        name: 'Besnik Gashi',
        outlet: 'Kanal 10',
        role: 'camera',
        email: 'besnik@kanal10.example',
        accreditationType: 'annual',
        languages: ['sq'],
        consent: true,
        language: 'sq',
      } as never,
    })) as unknown as { documentId: string };
    const lastDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await takeStep(
      cms.strapi,
      'accreditation',
      accreditation.documentId,
      'approve',
      { grantedType: 'annual', validUntil: lastDay },
      'officer@office.example',
    );
    const out = path.join(work, 'builds', '20260101T000000Z-site');
    await buildSite({ cmsUrl: cms.url, siteUrl: base, outDir: out, cacheDir: path.join(work, 'cache') });
    fs.symlinkSync(path.basename(out), path.join(work, 'builds', 'current'));
    server = staticServer(path.join(work, 'builds'), { cmsUrl: cms.url });
    await server.listen({ host: '127.0.0.1', port });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cms?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    for (const key of ['SITE_URL', 'SMTP_HOST', 'SMTP_PORT', 'OFFICE_EMAIL', 'ACCREDITED_OUTLETS_PUBLIC'])
      delete process.env[key];
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`sends each form in each language and shows the reference, which the acknowledgement carries (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      for (const kind of Object.keys(FORMS) as FormKind[]) {
        for (const { code: locale } of LOCALES) {
          const { page, email } = await send(context, kind, locale);
          expect(new URL(page.url()).pathname, `${kind} ${locale}`).toBe(thanksPath(kind, locale));
          expect(await page.locator('html').getAttribute('lang')).toBe(locale);
          const reference = (await page.locator('[data-reference]').textContent())!.trim();
          expect(reference, `${kind} ${locale}`).toMatch(REFERENCE);
          await sendOutbox(cms.strapi);
          const ack = mails.find((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0].address === email);
          expect(ack?.subject, `${kind} ${locale}`).toContain(reference);
          await page.close();
        }
      }
      await context.close();
    });
  }

  it("shows what to correct, by field and in the form's language, when the input is wrong (JavaScript off)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    for (const { code: locale } of LOCALES) {
      const { page } = await send(context, 'documentRequest', locale, { 'form.description': 'short' });
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      const text = await page.locator('main').innerText();
      expect(text, locale).toContain(
        `${intakeText(locale, 'field.description')}: ${intakeText(locale, 'error.tooShort', { min: 10 })}`,
      );
      expect(await page.locator('a').last().getAttribute('href')).toBe(`${base}${formPath('documentRequest', locale)}`);
      await page.close();
    }
    await context.close();
  });

  it("takes a document attached to a request, and names a file of the wrong type in the form's language (JavaScript off)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const pdf = { name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };
    const { page } = await send(context, 'documentRequest', 'sr-Latn', {}, pdf);
    expect(new URL(page.url()).pathname).toBe(thanksPath('documentRequest', 'sr-Latn'));
    const reference = (await page.locator('[data-reference]').textContent())!.trim();
    const request = (await cms.strapi.db
      .query('api::document-request.document-request')
      .findOne({ where: { reference } })) as { documentId: string };
    expect(
      await cms.strapi.db.connection('newsroom_attachments').where('document_id', request.documentId).select('name'),
    ).toEqual([{ name: 'letter.pdf' }]);
    const refused = await send(
      context,
      'mediaInquiry',
      'en',
      {},
      { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<p>hi</p>') },
    );
    expect(await refused.page.locator('main').innerText()).toContain(
      `${intakeText('en', 'field.attachment')}: ${intakeText('en', 'error.fileType')}`,
    );
    await context.close();
  });

  it('subscribes to e-mail alerts and follows an item, confirmed from the mail, and stops in one click (JavaScript off)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const inbox = (address: string) =>
      mails.filter((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0].address === address);
    const linkIn = (mail: ParsedMail, path: string) =>
      new RegExp(`${base}${path}\\?token=[\\w-]+`).exec(mail.text ?? '')![0];
    const confirmFrom = async (address: string) => {
      await sendOutbox(cms.strapi);
      await page.goto(linkIn(inbox(address).at(-1)!, ALERTS_PATHS.confirm));
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Potvrdi' }).click()]);
      expect(await page.locator('h1').innerText()).toBe('Vaša obaveštenja e-mailom su uključena');
    };
    const alerts = () => runAlerts(cms.strapi, { SITE_URL: base, ALERTS_DIGEST_TIME: '08:00' });
    await cms.strapi.db.connection(HITS).del();

    await page.goto(`${base}${specialPath('feeds', 'sr-Latn')}`);
    await page.locator('#alerts-email').fill('citalac@example.org');
    await page.getByLabel(tr('sr-Latn', 'section.release'), { exact: true }).check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: tr('sr-Latn', 'alerts.submit') }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Proverite svoj e-mail');
    await createRelease(cms.strapi, { 'sr-Latn': 'Pre potvrde' }, ['sr-Latn']);
    await alerts();
    await confirmFrom('citalac@example.org');

    await page.goto(`${base}${itemPathOf('release', 'sr-Latn', 'vest')}`);
    await page.getByText(tr('sr-Latn', 'alerts.follow')).click();
    await page.locator('#follow-email').fill('pratilac@example.org');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: tr('sr-Latn', 'alerts.followSubmit') }).click(),
    ]);
    await confirmFrom('pratilac@example.org');

    // Published as an editor does in the admin: through the admin's own API.
    const editor = await adminAs(cms, 'alerts-editor@example.org', null);
    const RELEASES = '/content-manager/collection-types/api::release.release';
    const draft = await editor('POST', `${RELEASES}?locale=sr-Latn`, releaseData('Nova vest'));
    expect(draft.status).toBe(201);
    const published = await editor(
      'POST',
      `${RELEASES}/${draft.body.data.documentId}/actions/publish?locale=sr-Latn`,
      {},
    );
    expect(published.status).toBe(200);
    const vest = (await cms.strapi.db
      .query('api::release.release')
      .findOne({ where: { slug: 'vest', locale: 'sr-Latn' } })) as {
      documentId: string;
    };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade' }).format(new Date());
    await cms.strapi.documents('api::release.release').update({
      documentId: vest.documentId,
      locale: 'sr-Latn',
      data: { changeNotes: [{ date: today, text: 'Ispravljen datum sastanka.' }] } as never,
    });
    await cms.strapi.documents('api::release.release').publish({ documentId: vest.documentId, locale: 'sr-Latn' });
    await alerts();
    expect(inbox('citalac@example.org').map((m) => m.subject)).toEqual([
      'Potvrdite obaveštenja e-mailom od Kancelarije premijera',
      'Nova vest',
      'Ispravka: Vest',
    ]);
    expect(inbox('pratilac@example.org').map((m) => m.subject)).toEqual([
      'Potvrdite obaveštenja e-mailom od Kancelarije premijera',
      'Ispravka: Vest',
    ]);

    const unsubscribe = inbox('citalac@example.org')[1].headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const address = /<([^>]+)>/.exec(unsubscribe)![1];
    expect(address.startsWith(`${base}${ALERTS_PATHS.unsubscribe}?token=`)).toBe(true);
    const oneClick = await fetch(address, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    await createRelease(cms.strapi, { 'sr-Latn': 'Posle odjave' }, ['sr-Latn']);
    await alerts();
    expect(inbox('citalac@example.org')).toHaveLength(3);
    await context.close();
  });

  it('publishes the accredited outlets, never the people, when the office turns the list on', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const { code: locale } of LOCALES) {
      await page.goto(`${base}${formPath('accreditation', locale)}`);
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: tr(locale, 'accredited.link') }).click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(specialPath('accreditedMedia', locale));
      expect(await page.locator('h1').innerText()).toBe(tr(locale, 'accredited.title'));
      expect(await page.locator('main li').allInnerTexts()).toEqual(['Kanal 10']);
      expect(await page.locator('html').innerHTML()).not.toContain('Besnik');
    }
    await context.close();
  });
});
