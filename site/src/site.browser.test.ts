import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { LOCALES, RECORD_FILE, type PublicationRecord } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi, seedDemo, hasChromium, launchChromium } from '@newsroom/cms/testing';
import {
  Authenticity,
  ensureSigningKeyFile,
  readSigningKey,
  staticServer,
  recordsOfSite,
} from '@newsroom/scripts/testing';
import { buildSite } from '../test/build-site';
import Fastify from 'fastify';
import {
  DATED_TYPES,
  PAGE_TYPES,
  archivePath,
  homePath,
  itemPath,
  notFoundPath,
  sectionPath,
  specialPath,
  type PageType,
} from './lib/routes';
import { RESOURCES } from './lib/i18n';
import { formatDate } from './lib/dates';

/**
 * The demo site, built and served, in Debian's Chromium. Without Chromium the suite says
 * why and skips, except in CI (CI=true), where a missing browser fails the run.
 */
const require = createRequire(import.meta.url);

let cms: TestStrapi;
let server: FastifyInstance;
let browser: Browser;
let base: string;
let work: string;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];
const out = () => path.join(work, 'builds', '20260101T000000Z-site');

async function open(urlPath: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${urlPath}: ${m.text()}`));
  page.on('pageerror', (e) => consoleErrors.push(`${urlPath}: ${e.message}`));
  page.on(
    'request',
    (r) => new URL(r.url()).hostname !== '127.0.0.1' && foreignRequests.push(`${urlPath} → ${r.url()}`),
  );
  const res = await page.goto(`${base}${urlPath}`, { waitUntil: 'load' });
  expect(res?.status(), urlPath).toBeLessThan(500);
  return page;
}

/** The first item folder of a section in the built site. */
function firstItem(type: PageType, locale: (typeof LOCALES)[number]['code']): string {
  const dir = path.join(out(), sectionPath(type, locale));
  const slug = fs
    .readdirSync(dir, { withFileTypes: true })
    .find((d) => d.isDirectory() && !/^\d{4}$/.test(d.name))!.name;
  return itemPath(type, locale, slug);
}

describe.skipIf(!hasChromium)('the site in Chromium', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-browser-'));
    fs.mkdirSync(path.join(work, 'builds'), { recursive: true });
    server = staticServer(path.join(work, 'builds'));
    await server.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    cms = await startStrapi({ listen: true });
    await seedDemo(cms.strapi);
    await buildSite({ cmsUrl: cms.url, siteUrl: base, outDir: out(), cacheDir: path.join(work, 'cache') });
    // What the builder does to every build: sign its records and log them.
    const key = readSigningKey(ensureSigningKeyFile(path.join(work, 'secrets', 'key.pem')), path.join(work, 'builds'));
    new Authenticity(path.join(work, 'builds', '.authenticity'), key, () => {}).run(out());
    fs.symlinkSync(path.basename(out()), path.join(work, 'builds', 'current'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cms?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('opens the home page in each locale, goes to a release and switches between its translations', async () => {
    for (const { code, prefix } of LOCALES) {
      const page = await open(homePath(code));
      expect(await page.getAttribute('html', 'lang')).toBe(code);
      await page.click('#home-releases + .items a');
      await page.waitForURL(new RegExp(`/${prefix}/${sectionPath('release', code).split('/')[2]}/`));
      for (const other of LOCALES.filter((l) => l.code !== code)) {
        const link = page.locator(`.languages a[hreflang="${other.code}"]`);
        if ((await link.count()) === 0) continue;
        await link.first().click();
        expect(await page.getAttribute('html', 'lang')).toBe(other.code);
        await page.goBack();
      }
      await page.close();
    }
  });

  it('says in the other language when a translation is missing, and links to its section', async () => {
    const page = await open(homePath('sq'));
    await page.goto(`${base}${sectionPath('release', 'sq')}`);
    const links = await page.locator('.items a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    let found = false;
    for (const href of links) {
      await page.goto(`${base}${href}`);
      const missing = page.locator('.languages .missing[lang="en"]');
      if ((await missing.count()) === 0) continue;
      expect(await missing.textContent()).toContain(RESOURCES.en['switcher.missing']);
      expect(await missing.locator('a').getAttribute('href')).toBe(sectionPath('release', 'en'));
      found = true;
      break;
    }
    expect(found).toBe(true);
    await page.close();
  });

  it('loads every gallery image with responsive sources, and the original downloads', async () => {
    const page = await open(firstItem('gallery', 'en'));
    const pictures = page.locator('.gallery picture');
    expect(await pictures.count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('.gallery source[type="image/avif"]').count()).toBe(await pictures.count());
    for (const img of await page.locator('.gallery img').all()) {
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBeGreaterThan(0);
    }
    const original = await page.locator('.gallery a.download').first().getAttribute('href');
    // The original is the site's own copy, not the CMS's file.
    expect(original).toMatch(/^\/media\/[0-9a-f]{16}\//);
    const res = await page.request.get(`${base}${original}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/jpeg');
    await page.close();
  });

  it('finds a release by a word in each language, and only in that language', async () => {
    const words = { sq: 'përshpejtues', 'sr-Latn': 'akceleratora', en: 'accelerators' } as const;
    const expected = {
      sq: 'pajisje-te-reja-per-kliniken-onkologjike',
      'sr-Latn': 'nova-oprema-za-onkolosku-kliniku',
      en: 'new-equipment-for-the-oncology-clinic',
    } as const;
    for (const { code, prefix } of LOCALES) {
      // Once each result has loaded: Pagefind draws a result's placeholder before its link.
      const hrefs = (await search(code, words[code])).map((r) => r.href);
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.every((h) => h.startsWith(`/${prefix}/`))).toBe(true);
      // Every result is a page in this language, and the release itself is among them.
      expect(hrefs).toContain(itemPath('release', code, expected[code]));
    }
  });

  /** What the search page shows for a query: each result's address, its type and date, its excerpt, and sub-results. */
  async function search(code: (typeof LOCALES)[number]['code'], query: string) {
    const page = await open(specialPath('search', code));
    await page.fill('.pagefind-ui__search-input', query);
    await page.locator('.pagefind-ui__message').filter({ hasText: /\d/ }).waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('.pagefind-ui__result .pagefind-ui__loading').length === 0,
    );
    const results = await page.locator('.pagefind-ui__result').evaluateAll((items) =>
      items.map((item) => ({
        href: item.querySelector('.pagefind-ui__result-link')!.getAttribute('href')!,
        tags: [...item.querySelectorAll('.pagefind-ui__result-tag')].map((t) => t.textContent!.trim()),
        excerpt: item.querySelector('.pagefind-ui__result-excerpt')!.textContent!,
        subResults: item.querySelectorAll('.pagefind-ui__result-nested').length,
      })),
    );
    await page.close();
    return results;
  }

  /** For each language, queries and the results they give, best first: [type (or `statement.interview`), slug]. */
  const QUERIES: Record<
    (typeof LOCALES)[number]['code'],
    Record<string, Array<[PageType | 'statement.interview', string]>>
  > = {
    en: {
      floods: [
        ['gallery', 'the-prime-minister-visits-the-flooded-areas'],
        ['decision', 'decision-on-emergency-assistance-to-families-affected-by-the-floods'],
        ['statement', 'statement-by-the-prime-minister-on-the-floods'],
      ],
      Krasniqi: [
        ['speech', 'first-deputy-prime-minister-krasniqi-at-the-european-integration-forum'],
        ['release', 'prime-minister-meets-the-head-of-the-eu-office-on-the-next-steps-of-integration'],
      ],
    },
    sq: {
      Krasniqi: [
        ['speech', 'zevendeskryeministrja-krasniqi-ne-forumin-per-integrim-evropian'],
        ['release', 'kryeministri-takon-shefin-e-zyres-se-be-se-per-hapat-e-ardhshem-te-integrimit'],
      ],
      buxhetin: [
        ['decision', 'vendim-per-miratimin-e-projektligjit-per-buxhetin-e-vitit-2027'],
        ['speech', 'fjalimi-i-kryeministrit-ne-kuvend-per-buxhetin-2027'],
        ['statement.interview', 'interviste-e-kryeministrit-per-rtk-buxheti-dhe-integrimi'],
      ],
    },
    'sr-Latn': {
      poplavama: [
        ['release', 'hitna-pomoc-porodicama-pogodjenim-poplavama'],
        ['decision', 'odluka-o-hitnoj-pomoci-porodicama-pogodjenim-poplavama'],
        ['statement', 'izjava-premijera-o-poplavama'],
        ['gallery', 'premijer-obilazi-podrucja-pogodjena-poplavama'],
      ],
      // The Serbian spelling of the name finds the Serbian pages, not the person's page.
      Krasnići: [
        ['speech', 'potpredsednica-vlade-krasnici-na-forumu-o-evropskim-integracijama'],
        ['release', 'premijer-se-sastao-sa-sefom-kancelarije-eu-o-narednim-koracima-integracija'],
      ],
    },
  };

  it('finds items only, in the expected order, each with its type and date in the page’s language and a clean excerpt', async () => {
    for (const { code, formatLocale } of LOCALES) {
      const months = Array.from({ length: 12 }, (_, m) =>
        new Intl.DateTimeFormat(formatLocale, { month: 'long' }).format(new Date(Date.UTC(2026, m, 15))).toLowerCase(),
      );
      for (const [query, expected] of Object.entries(QUERIES[code])) {
        const results = await search(code, query);
        expect(
          results.map((r) => r.href),
          `${code} “${query}”`,
        ).toEqual(expected.map(([kind, slug]) => itemPath(kind.split('.')[0] as PageType, code, slug)));
        for (const [i, result] of results.entries()) {
          const [kind] = expected[i];
          const page = fs.readFileSync(path.join(out(), result.href, 'index.html'), 'utf8');
          const dated = page.match(/<p class="meta"[^>]*>\s*<time datetime="([^"]+)"/)![1];
          expect(result.tags, result.href).toEqual([
            `${RESOURCES[code][`kind.${kind}`]}: ${formatDate(dated, code, 'Europe/Belgrade')}`,
          ]);
          expect(result.subResults, result.href).toBe(0);
          // Labels glued to values ("Number01/118") or a date cut at the start ("2026 · …") would show here.
          expect(result.excerpt, result.href).not.toMatch(/\p{Ll}\p{Lu}|\d\p{L}/u);
          const first = result.excerpt.trim().split(/\s+/)[0].toLowerCase().replace(/[.,]$/, '');
          expect(months, `${result.href}: ${result.excerpt}`).not.toContain(first);
          expect(first, result.href).not.toMatch(/^\d{4}$/);
        }
      }
    }
  });

  it('works with the keyboard: the skip link reaches the content, every header link shows its focus', async () => {
    const page = await open(homePath('en'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.goto(`${base}${homePath('en')}`);
    const headerLinks = await page.locator('header a').count();
    const reached = new Set<string>();
    for (let i = 0; i < headerLinks + 2; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          inHeader: Boolean(el.closest('header')),
          href: el.getAttribute('href'),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        };
      });
      if (focus.inHeader && focus.href) {
        reached.add(focus.href);
        expect(focus.outline, focus.href).toBe(true);
      }
    }
    expect(reached.size).toBe(headerLinks);
    await page.close();
  });

  it('has no serious or critical WCAG 2.1 A/AA violation on any template in any locale', async () => {
    const axe = require.resolve('axe-core/axe.min.js');
    const check = async (urlPath: string) => {
      const page = await open(urlPath);
      await page.addScriptTag({ path: axe });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: { run(o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
          }
        ).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length})`);
      });
      await page.close();
      return violations.map((v) => `${urlPath}: ${v}`);
    };
    const problems: string[] = [];
    for (const { code } of LOCALES) {
      const month = fs.readdirSync(path.join(out(), sectionPath('release', code), '2026')).sort()[0];
      const pages = [
        homePath(code),
        sectionPath('release', code),
        archivePath('release', code, 2026, Number(month)),
        ...PAGE_TYPES.map((type) => firstItem(type, code)),
        ...DATED_TYPES.map((type) => sectionPath(type, code)),
        specialPath('search', code),
        specialPath('feeds', code),
        specialPath('verify', code),
        notFoundPath(code),
      ];
      // Two pages at a time: each renderer is a process of its own, one per core.
      for (let i = 0; i < pages.length; i += 2)
        problems.push(...(await Promise.all(pages.slice(i, i + 2).map(check))).flat());
    }
    expect(problems).toEqual([]);
  });

  it('searches through Algolia instead when the site is built with a search key', async () => {
    // A local server answering Algolia's query endpoint from the records the builder would send.
    const records = recordsOfSite(out());
    const algolia = Fastify();
    algolia.removeContentTypeParser('text/plain');
    algolia.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) =>
      done(null, JSON.parse(String(body))),
    );
    algolia.addHook('onSend', async (_req, reply) => void reply.header('Access-Control-Allow-Origin', '*'));
    algolia.post('/1/indexes/:index/queries', async (req) => {
      const { requests } = req.body as { requests: Array<{ indexName: string; query: string }> };
      return {
        results: requests.map(({ indexName, query }) => {
          const hits = (records.get(indexName.replace('newsroom_', '')) ?? []).filter((r) =>
            `${r.title} ${r.body}`.toLowerCase().includes(query.toLowerCase()),
          );
          return {
            hits,
            nbHits: hits.length,
            page: 0,
            nbPages: 1,
            hitsPerPage: 20,
            processingTimeMS: 1,
            query,
            params: '',
            exhaustiveNbHits: true,
          };
        }),
      };
    });
    await algolia.listen({ host: '127.0.0.1', port: 0 });
    const hosted = path.join(work, 'builds', '20260101T000001Z-algo');
    try {
      await buildSite({
        cmsUrl: cms.url,
        siteUrl: base,
        outDir: hosted,
        cacheDir: path.join(work, 'cache'),
        env: {
          ALGOLIA_APP_ID: 'TESTAPP',
          ALGOLIA_SEARCH_KEY: 'search-only',
          ALGOLIA_HOST: `http://127.0.0.1:${(algolia.server.address() as AddressInfo).port}`,
        },
      });
      fs.symlinkSync(path.basename(hosted), path.join(work, 'builds', '.next'));
      fs.renameSync(path.join(work, 'builds', '.next'), path.join(work, 'builds', 'current'));
      const page = await open(specialPath('search', 'en'));
      expect(await page.locator('.pagefind-ui__search-input').count()).toBe(0);
      await page.fill('#algolia-query', 'accelerators');
      await page.locator('#algolia-results a').first().waitFor();
      expect(await page.locator('#algolia-results a').first().getAttribute('href')).toBe(
        itemPath('release', 'en', 'new-equipment-for-the-oncology-clinic'),
      );
      await page.close();
    } finally {
      await algolia.close();
      fs.symlinkSync(path.basename(out()), path.join(work, 'builds', '.back'));
      fs.renameSync(path.join(work, 'builds', '.back'), path.join(work, 'builds', 'current'));
    }
  });

  it('fits the screen: the lead image as wide as the text on a desktop, a short header and feed addresses broken after a slash on a phone', async () => {
    const releases = path.join(out(), sectionPath('release', 'en'));
    const slug = fs
      .readdirSync(releases)
      .find((name) =>
        fs
          .readFileSync(path.join(releases, name, 'index.html'), { encoding: 'utf8', flag: 'a+' })
          .includes('class="lead"'),
      )!;
    const desktop = await open(itemPath('release', 'en', slug));
    const [image, column] = await desktop.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      return [
        document.querySelector('.lead img')!.getBoundingClientRect().width,
        main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      ];
    });
    expect(column).toBeGreaterThan(800);
    expect(Math.abs(image - column)).toBeLessThan(1);
    await desktop.close();

    const phone = { width: 360, height: 740 };
    for (const { code } of LOCALES) {
      for (const urlPath of [homePath(code), firstItem('release', code), specialPath('search', code)]) {
        const page = await open(urlPath, phone);
        const header = await page.evaluate(() => document.querySelector('.masthead')!.getBoundingClientRect().height);
        expect(header, `${urlPath}: the header is ${header}px`).toBeLessThanOrEqual(phone.height / 5);
        await page.close();
      }
      const feeds = await open(specialPath('feeds', code), phone);
      const breaks = await feeds.evaluate(() => {
        const found: string[] = [];
        for (const code of document.querySelectorAll('.feeds code')) {
          const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
          let top: number | null = null;
          let before = '';
          while (walker.nextNode()) {
            const node = walker.currentNode as Text;
            for (let i = 0; i < node.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const at = range.getBoundingClientRect().top;
              if (top !== null && at > top + 2) found.push(`${before}|${node.data[i]}`);
              top = at;
              before = node.data[i];
            }
          }
        }
        return found;
      });
      expect(breaks.length, code).toBeGreaterThan(0);
      for (const at of breaks) expect(at, code).toMatch(/^\/\|[^/]$|^.\|\.$/);
      await feeds.close();
    }
  });

  it('takes screenshots of the home and a release page per locale, on a phone and a desktop', async () => {
    const dir = path.resolve(import.meta.dirname, '..', '..', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    for (const { code, prefix } of LOCALES) {
      for (const [device, viewport] of [
        ['phone', { width: 390, height: 844 }],
        ['desktop', { width: 1280, height: 900 }],
      ] as const) {
        for (const [name, urlPath] of [
          ['home', homePath(code)],
          ['release', firstItem('release', code)],
        ]) {
          const page = await open(urlPath, viewport);
          const file = path.join(dir, `${prefix}-${name}-${device}.png`);
          await page.screenshot({ path: file, fullPage: false });
          expect(fs.statSync(file).size).toBeGreaterThan(5_000);
          await page.close();
        }
      }
    }
  });

  it('verifies in each language a dropped decision PDF and a pasted release text, and refuses a modified copy', async () => {
    const record = (type: PageType) =>
      JSON.parse(fs.readFileSync(path.join(out(), firstItem(type, 'en'), RECORD_FILE), 'utf8')) as PublicationRecord;
    const decision = record('decision');
    const attachment = decision.attachments[0]!;
    const pdf = fs.readFileSync(path.join(out(), new URL(attachment.url).pathname));
    const forged = Buffer.from(pdf);
    forged[forged.length - 20] = forged[forged.length - 20]! ^ 1;
    /** The same decision's record in another language: a shared file is reported in the page's language. */
    const translation = (locale: (typeof LOCALES)[number]['code']) => {
      const section = path.join(out(), sectionPath('decision', locale));
      return fs
        .readdirSync(section)
        .map((slug) => path.join(section, slug, RECORD_FILE))
        .filter((file) => fs.existsSync(file))
        .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as PublicationRecord)
        .find((r) => r.documentId === decision.documentId)!;
    };
    for (const { code } of LOCALES) {
      const words = (key: string) => RESOURCES[code][`verify.${key}`]!;
      const publishedOn = (r: PublicationRecord) =>
        `${words('published').replace('{{date}}', formatDate(r.firstPublished!, code, 'Europe/Belgrade'))} — ${words('state.current')}`;
      const page = await open(specialPath('verify', code));
      const verdict = page.locator('#verify-result h2');
      const drop = async (bytes: Buffer, name: string) => {
        const dataTransfer = await page.evaluateHandle(
          ({ data, fileName }) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(data)], fileName, { type: 'application/pdf' }));
            return transfer;
          },
          { data: [...bytes], fileName: name },
        );
        await page.dispatchEvent('#verify-drop', 'drop', { dataTransfer });
      };

      await drop(pdf, attachment.name);
      await expect.poll(() => verdict.textContent()).toBe(publishedOn(translation(code)));
      expect(await page.locator('#verify-result').textContent()).toContain(translation(code).title);
      await drop(forged, attachment.name);
      await expect.poll(() => verdict.textContent()).toBe(words('notPublished'));

      const release = await open(firstItem('release', code));
      const text = await release.locator('.prose').innerText();
      const title = await release.locator('h1').innerText();
      await release.close();
      await page.fill('#verify-text', text);
      await page.click('#verify button[type=submit]');
      await expect.poll(() => page.locator('#verify-result').textContent()).toContain(title);
      const releaseRecord = JSON.parse(
        fs.readFileSync(path.join(out(), firstItem('release', code), RECORD_FILE), 'utf8'),
      ) as PublicationRecord;
      expect(await verdict.textContent()).toBe(publishedOn(releaseRecord));
      await page.fill('#verify-text', `${text} `.replace(/\./, ','));
      await page.click('#verify button[type=submit]');
      await expect.poll(() => verdict.textContent()).toBe(words('notPublished'));
      await page.close();
    }
  });

  it('logged no console error and made no request beyond 127.0.0.1', () => {
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
