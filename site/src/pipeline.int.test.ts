import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { HtmlValidate } from 'html-validate';
import { CONTENT_TYPES, LOCALES, type BuildReport, type Locale, type MonthStatistics } from '@newsroom/shared-types';
import { statisticsRows } from './lib/disclosure';
import { startStrapi, type TestStrapi, seedDemo, takeStep } from '@newsroom/cms/testing';
import { buildSite } from '../test/build-site';
import { Authenticity, ensureSigningKeyFile, readSigningKey } from '@newsroom/scripts/testing';
import {
  calendarPath,
  disclosureFeedPath,
  feedPath,
  FEED_TYPES,
  itemPath,
  openDataPath,
  PAGE_TYPES,
  requestStatisticsPath,
  SEARCH_TYPES,
  sectionPath,
  specialPath,
  type PageType,
} from './lib/routes';
import { RESOURCES } from './lib/i18n';

const SITE = 'https://site.example';
let app: TestStrapi;
let work: string;
const out = () => path.join(work, 'dist');

async function build() {
  const report = await buildSite({ cmsUrl: app.url, siteUrl: SITE, outDir: out(), cacheDir: path.join(work, 'cache') });
  // What the builder does to every build before it goes live: sign its records, place the keys and the log.
  const key = readSigningKey(ensureSigningKeyFile(path.join(work, 'secrets', 'signing-key.pem')), out());
  new Authenticity(path.join(work, 'authenticity'), key, () => {}).run(out());
  return report;
}
/** The first build's report. */
let first: BuildReport;

const file = (urlPath: string) => {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const full = path.join(out(), clean);
  return clean.endsWith('/') || (fs.existsSync(full) && fs.statSync(full).isDirectory())
    ? path.join(full, 'index.html')
    : full;
};
const read = (urlPath: string) => fs.readFileSync(file(urlPath), 'utf8');
const htmlFiles = (dir = out()): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? htmlFiles(path.join(dir, d.name)) : d.name.endsWith('.html') ? [path.join(dir, d.name)] : [],
    );
const urlOf = (f: string) => `/${path.relative(out(), f).replace(/index\.html$/, '')}`;

/** What the public may see: published, and not under embargo. */
const published = async (type: PageType, locale: Locale) =>
  (
    (await app.strapi.documents(CONTENT_TYPES[type].uid as never).findMany({
      locale,
      status: 'published',
      limit: 1000,
      populate: type === 'decision' ? ['documents'] : type === 'release' ? ['changeNotes'] : [],
    } as never)) as Array<Record<string, any>>
  ).filter((e) => !e.embargoUntil || new Date(e.embargoUntil) <= new Date());

const EMBARGOED = 'EMBARGOEDPIPELINE';
const seeded = async (key: string) =>
  String(
    ((await app.strapi.store.get({ type: 'core', name: 'newsroom', key: 'demo-seed' })) as Record<string, unknown>)[
      `api::release.release:${key}`
    ],
  );
const allText = (dir = out()): string =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .map((d) =>
      d.isDirectory()
        ? allText(path.join(dir, d.name))
        : /\.(html|xml|json|csv|ics|txt)$/.test(d.name)
          ? fs.readFileSync(path.join(dir, d.name), 'utf8')
          : '',
    )
    .join('\n');

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-site-'));
  app = await startStrapi({ listen: true });
  await seedDemo(app.strapi);
  // Published by mistake before its embargo.
  const documents = app.strapi.documents(CONTENT_TYPES.release.uid);
  const { documentId } = await documents.create({
    locale: 'en',
    data: {
      title: `${EMBARGOED} release`,
      summary: `${EMBARGOED} summary`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: EMBARGOED }] }],
      issuedAt: new Date().toISOString(),
      embargoUntil: new Date(Date.now() + 86_400_000).toISOString(),
    } as never,
  });
  await documents.publish({ documentId, locale: 'en' });
  await requestsForTheLog();
  first = await build();
});

const REQUESTER = { name: 'Valbona Requester', email: 'valbona.requester@example.org', phone: '+383 49 111 222' };
/** Three requests for documents: one answered and published in the log, one answered and kept, one open. */
async function requestsForTheLog() {
  const requests = app.strapi.documents(CONTENT_TYPES.documentRequest.uid);
  const make = async (description: string) =>
    (await requests.create({
      data: { ...REQUESTER, description, preferredFormat: 'electronic', language: 'sq' } as never,
    })) as unknown as { documentId: string };
  const shown = await make("The Office's cleaning contract for 2026");
  const kept = await make('Minutes of a meeting with a private company');
  await make('Travel costs of the spokesperson in 2025');
  await takeStep(
    app.strapi,
    'documentRequest',
    shown.documentId,
    'grant',
    { answer: 'Attached.' },
    'officer@example.org',
  );
  await takeStep(
    app.strapi,
    'documentRequest',
    kept.documentId,
    'refuse',
    { answer: 'No.', reason: 'Commercial secrets', legalGround: 'Article 17(1.7)' },
    'officer@example.org',
  );
  await requests.update({
    documentId: shown.documentId,
    data: { publishInLog: true, disclosureSummary: 'LOGGED cleaning contract of the Office, 2026' } as never,
  });
}

afterAll(async () => {
  await app?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the built site', () => {
  it('has a page for every published item in each of its locales, and none for drafts or missing translations', async () => {
    for (const type of PAGE_TYPES) {
      for (const { code } of LOCALES) {
        const items = await published(type, code);
        for (const item of items)
          expect(fs.existsSync(file(itemPath(type, code, item.slug))), `${type} ${code} ${item.slug}`).toBe(true);
        const dir = path.join(out(), sectionPath(type, code));
        const pages = fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((d) => d.isDirectory() && !/^\d{4}$/.test(d.name));
        expect(pages.length, `${type} ${code}`).toBe(items.length);
      }
    }
    const drafts = await app.strapi
      .documents(CONTENT_TYPES.release.uid)
      .findMany({ locale: 'en', status: 'draft', limit: 1000 });
    const live = new Set((await published('release', 'en')).map((r) => r.documentId));
    const draftOnly = drafts.filter((d) => !live.has(d.documentId));
    expect(draftOnly.length).toBeGreaterThan(0);
    for (const d of draftOnly) expect(fs.existsSync(file(itemPath('release', 'en', d.slug!))), d.slug!).toBe(false);
  });

  it('has a home and a 404 page in each locale, in that language', () => {
    for (const { code, prefix } of LOCALES) {
      expect(read(`/${prefix}/`)).toContain(`<html lang="${code}"`);
      expect(read(`/${prefix}/404/`)).toContain(RESOURCES[code]['notFound.title']);
    }
  });

  it('resolves every internal link to a file', () => {
    const broken: string[] = [];
    for (const f of htmlFiles()) {
      const html = fs.readFileSync(f, 'utf8');
      const refs = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
      const srcsets = [...html.matchAll(/srcset="([^"]*)"/g)].flatMap((m) =>
        m[1].split(',').map((s) => s.trim().split(' ')[0]),
      );
      for (const ref of [...refs, ...srcsets.filter((s) => s.startsWith('/'))])
        if (!fs.existsSync(file(ref))) broken.push(`${urlOf(f)} → ${ref}`);
    }
    expect(broken).toEqual([]);
  });

  it('lists hreflang alternates that link back', () => {
    const alternates = new Map<string, Map<string, string>>();
    for (const f of htmlFiles()) {
      const links = [
        ...fs.readFileSync(f, 'utf8').matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g),
      ].filter((m) => m[1] !== 'x-default');
      alternates.set(urlOf(f), new Map(links.map((m) => [m[1], m[2].replace(SITE, '')])));
    }
    let checked = 0;
    for (const [page, alts] of alternates) {
      const lang = [...alts].find(([, p]) => p === page)?.[0];
      if (!lang) continue;
      for (const [, other] of alts) {
        expect(alternates.get(other)?.get(lang), `${other} should link back to ${page}`).toBe(page);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('shows no raw UI-string key and keeps article pages under 40 KB of HTML and CSS', async () => {
    const keys = Object.keys(RESOURCES.en).filter((k) => k.includes('.'));
    for (const f of htmlFiles()) {
      const text = fs.readFileSync(f, 'utf8').replace(/<[^>]+>/g, ' ');
      for (const key of keys)
        expect(text.includes(` ${key} `) || text.includes(`>${key}<`), `${urlOf(f)} shows ${key}`).toBe(false);
    }
    for (const release of await published('release', 'sq')) {
      expect(Buffer.byteLength(read(itemPath('release', 'sq', release.slug))), release.slug).toBeLessThan(40_000);
    }
  });

  it('has a root page with a heading and each language named in itself, and every home names it the page for other readers', () => {
    const root = read('/');
    expect(root).toMatch(/<main>[\s\S]*<h1>/);
    for (const { code, name, prefix } of LOCALES) {
      expect(root).toContain(`<li lang="${code}"><a href="/${prefix}/" hreflang="${code}">${name}</a>`);
      expect(read(`/${prefix}/`)).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/">`);
    }
    expect(root).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/">`);
  });

  it("answers every folder of every page's address, so a reader can shorten it", () => {
    const pages = new Set(htmlFiles().map(urlOf));
    for (const page of pages) {
      const parts = page.split('/').filter(Boolean);
      for (let i = 1; i < parts.length; i++) {
        const folder = `/${parts.slice(0, i).join('/')}/`;
        if (/^\/(pagefind|sitemaps)\//.test(folder)) continue;
        expect(pages.has(folder), `${folder} (from ${page})`).toBe(true);
      }
    }
  });

  it('keeps the space between a label and what follows it, where Astro drops it inside expressions', () => {
    for (const f of htmlFiles()) {
      const html = fs.readFileSync(f, 'utf8');
      for (const [changes] of html.matchAll(/<aside class="changes"[\s\S]*?<\/aside>/g))
        expect(changes, urlOf(f)).not.toMatch(/<\/strong>[\p{L}\p{N}]/u);
      expect(html, urlOf(f)).not.toMatch(/<\/a><(span class="meta"|code)>[^\s·]/);
    }
  });

  it('is valid, accessible HTML with one h1 per page and no script but JSON-LD', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
    const problems: string[] = [];
    for (const f of htmlFiles()) {
      const html = fs.readFileSync(f, 'utf8');
      if (html.includes('http-equiv="refresh"')) continue;
      const report = await validator.validateString(html, f);
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${urlOf(f)}: ${m.ruleId} ${m.message}`);
      expect(html.match(/<h1[ >]/g)?.length, urlOf(f)).toBe(1);
      // Search and verification are the only scripts, each only on its page.
      const isSearch = LOCALES.some((l) => urlOf(f) === specialPath('search', l.code));
      const isVerify = LOCALES.some((l) => urlOf(f) === specialPath('verify', l.code));
      const scripts = [...html.matchAll(/<script([^>]*)>/g)]
        .map((m) => m[1])
        .filter((attrs) => !attrs.includes('application/ld+json'));
      if (isVerify)
        expect(scripts, urlOf(f)).toEqual([expect.stringMatching(/^ type="module" src="\/_astro\/[\w.-]+\.js"$/)]);
      else expect(scripts, urlOf(f)).toEqual(isSearch ? [' src="/pagefind/pagefind-ui.js"', ' src="/search.js"'] : []);
      expect(html).toContain('href="#main"');
    }
    expect(problems).toEqual([]);
  });

  it('publishes valid RSS per locale and section, with full text, enclosures and unique guids', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const { code } of LOCALES) {
      for (const feed of [feedPath(code), ...FEED_TYPES.map((t) => feedPath(code, t))]) {
        const xml = read(feed);
        expect(XMLValidator.validate(xml), feed).toBe(true);
        const { channel } = parser.parse(xml).rss;
        expect(channel.language).toBe(LOCALES.find((l) => l.code === code)!.feedLanguage);
        expect(channel['atom:link']['@_href']).toBe(`${SITE}${feed}`);
        expect(channel['atom:link']['@_rel']).toBe('self');
        const items = [channel.item ?? []].flat();
        expect(items.length, feed).toBeGreaterThan(0);
        const guids = items.map((i: any) => i.guid['#text']);
        expect(new Set(guids).size).toBe(guids.length);
        for (const item of items) {
          expect(item.title && item.link && item.pubDate && item.description !== undefined, feed).toBeTruthy();
          expect(item['content:encoded'], `${feed} ${item.title}`).toBeTruthy();
          if (item.enclosure) {
            expect(Number(item.enclosure['@_length'])).toBeGreaterThan(0);
            expect(item.enclosure['@_type']).toMatch(/^image\//);
          }
        }
      }
      expect(read(sectionPath('release', code))).toContain(`<link rel="alternate" type="application/rss+xml"`);
    }
  });

  it('publishes the agenda as iCalendar with press conferences marked', async () => {
    for (const { code } of LOCALES) {
      const calendar = new ICAL.Component(ICAL.parse(read(calendarPath(code))));
      const events = calendar.getAllSubcomponents('vevent');
      expect(events.length).toBe((await published('agendaItem', code)).length);
      const press = events.filter((e) => String(e.getFirstPropertyValue('categories')) === 'PRESS-CONFERENCE');
      expect(press.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('publishes decisions as JSON and CSV matching the CMS', async () => {
    for (const { code } of LOCALES) {
      const decisions = await published('decision', code);
      const expected = decisions.map((d) => `${d.number}|${d.title}`).sort();
      const json = JSON.parse(read(openDataPath(code, 'json'))) as Array<{
        number: string;
        title: string;
        documents: string[];
      }>;
      const csv = parseCsv(read(openDataPath(code, 'csv')), { columns: true }) as Array<{
        number: string;
        title: string;
      }>;
      expect(json.map((d) => `${d.number}|${d.title}`).sort()).toEqual(expected);
      expect(csv.map((d) => `${d.number}|${d.title}`).sort()).toEqual(expected);
      expect(json.every((d) => d.documents.length > 0 && d.documents.every((u) => u.endsWith('.pdf')))).toBe(true);
    }
  });

  it('publishes the disclosure log, its feed and the request statistics in each language, and never who asked', async () => {
    const cms = (
      (await (await fetch(`${app.url}/api/newsroom/request-statistics`)).json()) as { data: MonthStatistics[] }
    ).data;
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const { code } of LOCALES) {
      const page = read(specialPath('disclosureLog', code));
      expect(page).toContain('LOGGED cleaning contract of the Office, 2026');
      expect(page).toContain(RESOURCES[code]['disclosure.outcome.granted']);
      expect(page).not.toContain('Minutes of a meeting with a private company');
      const { channel } = parser.parse(read(disclosureFeedPath(code))).rss;
      expect([channel.item].flat().map((i: any) => i.title)).toContainEqual(
        expect.stringContaining('LOGGED cleaning contract'),
      );
      const json = JSON.parse(read(requestStatisticsPath(code, 'json'))) as Array<Record<string, number | string>>;
      const csv = parseCsv(read(requestStatisticsPath(code, 'csv')), { columns: true }) as Array<
        Record<string, string>
      >;
      expect(json).toEqual(statisticsRows(cms));
      expect(csv.map((row) => row.month)).toEqual(json.map((row) => row.month));
      expect(csv.at(-1)).toMatchObject({
        received: String(json.at(-1)!.received),
        refused: String(json.at(-1)!.refused),
      });
      expect(Number(json.at(-1)!.refused)).toBeGreaterThanOrEqual(1);
    }
    const everything = allText();
    for (const value of Object.values(REQUESTER)) expect(everything).not.toContain(value);
  });

  it('serves every upload from the site itself: no address in a page, feed, sitemap, data file or search record points at the CMS', async () => {
    const cms = new URL(app.url);
    const fragments = (dir = path.join(out(), 'pagefind')): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((d) =>
          d.isDirectory()
            ? fragments(path.join(dir, d.name))
            : d.name.endsWith('.pf_fragment')
              ? [zlib.gunzipSync(fs.readFileSync(path.join(dir, d.name))).toString('utf8')]
              : [],
        );
    const records = fragments();
    expect(records.length).toBeGreaterThan(30);
    for (const text of [allText(), ...records]) {
      expect(text).not.toContain(cms.host);
      expect(text).not.toContain('/uploads/');
    }
    // The decisions' documents, the first-listed of them, are the CMS's files, byte for byte.
    const [decision] = await published('decision', 'en');
    const [document] = decision.documents as Array<{ url: string; hash: string }>;
    const [copy] = JSON.parse(read(openDataPath('en', 'json'))).find(
      (d: { number: string }) => d.number === decision.number,
    ).documents as string[];
    expect(copy).toMatch(new RegExp(`^${SITE}/media/[0-9a-f]{16}/${document.hash}\\.pdf$`));
    const original = Buffer.from(await (await fetch(`${app.url}${document.url}`)).arrayBuffer());
    expect(fs.readFileSync(file(new URL(copy).pathname))).toEqual(original);
  });

  it('indexes the item pages for search in one bundle per language and year, newest first, and no page of a person, a tag or the office', async () => {
    const bundles = JSON.parse(read('/pagefind/shards.json')) as Record<string, string[]>;
    expect(Object.keys(bundles).sort()).toEqual(['en', 'sq', 'sr-latn']);
    const pages: Record<string, number> = {};
    for (const [language, list] of Object.entries(bundles)) {
      expect(list[0]).toBe(`/pagefind/${language}-${new Date().getFullYear()}/`);
      expect(
        list.every((bundle) => /-\d{4}\/$/.test(bundle)),
        language,
      ).toBe(true);
      for (const bundle of list) {
        const entry = JSON.parse(read(`${bundle}pagefind-entry.json`)) as {
          languages: Record<string, { page_count: number }>;
        };
        expect(Object.keys(entry.languages)).toEqual([language]);
        pages[language] = (pages[language] ?? 0) + entry.languages[language].page_count;
      }
    }
    const items = htmlFiles().filter(
      (f) => fs.readFileSync(f, 'utf8').includes('data-pagefind-body') && f.includes(`${path.sep}en${path.sep}`),
    );
    expect(pages.en).toBe(items.length);
    const searchable = await Promise.all(SEARCH_TYPES.map(async (type) => (await published(type, 'en')).length));
    expect(pages.en).toBe(searchable.reduce((a, b) => a + b, 0));
    for (const count of Object.values(pages)) expect(count).toBeGreaterThan(30);
  });

  it('encodes images while the pages render, and Astro takes them', () => {
    const { encoded, early } = first.images!;
    expect(encoded).toBeGreaterThan(0);
    // Those not started when the last page rendered are Astro's own.
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThanOrEqual(encoded);
  });

  it('has a sitemap index of files by type and year, with hreflang alternates, and a robots.txt pointing to it', () => {
    const index = read('/sitemap.xml');
    expect(XMLValidator.validate(index)).toBe(true);
    const files = [...index.matchAll(/<loc>(.+?)<\/loc>/g)].map((m) => m[1].replace(SITE, ''));
    expect(files).toContain('/sitemaps/pages.xml');
    const byFile = new Map(files.map((f) => [f, read(f)]));
    for (const [f, xml] of byFile) expect(XMLValidator.validate(xml), f).toBe(true);
    expect(byFile.get('/sitemaps/pages.xml')).toContain(`<loc>${SITE}/sq/</loc>`);
    const releaseFiles = [...byFile].filter(([, xml]) =>
      /hreflang="sr-Latn" href="https:\/\/site\.example\/sr\/saopstenja\/[^"/]+\/"/.test(xml),
    );
    expect(releaseFiles.length).toBeGreaterThan(0);
    for (const [f] of releaseFiles) expect(f).toMatch(/^\/sitemaps\/release-\d{4}\.xml$/);
    expect(read('/robots.txt')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('drops an unpublished release from its page and feed on the next build, refetching nothing else', async () => {
    const [release] = (await published('release', 'sq')).filter((r) => r.issuedAt < new Date().toISOString());
    const en = (await published('release', 'en')).find((r) => r.documentId === release.documentId);
    await app.strapi.documents(CONTENT_TYPES.release.uid).unpublish({ documentId: release.documentId, locale: 'sq' });
    const { loaders: stats, images } = await build();
    expect(fs.existsSync(file(itemPath('release', 'sq', release.slug)))).toBe(false);
    // Astro kept the first build's images: none is encoded again, early or late.
    expect(images).toEqual({ encoded: 0, early: 0 });
    expect(read(feedPath('sq', 'release'))).not.toContain(`urn:newsroom:release:${release.documentId}:sq`);
    if (en) expect(fs.existsSync(file(itemPath('release', 'en', en.slug)))).toBe(true);
    expect(stats.release).toMatchObject({ fetched: 0, removed: 1 });
    // The CMS recorded the address as retired: the only new thing fetched.
    expect(stats.retiredPage).toMatchObject({ fetched: 1 });
    for (const [type, s] of Object.entries(stats)) if (type !== 'retiredPage') expect(s.fetched, type).toBe(0);
    const gone = itemPath('release', 'sq', release.slug);
    expect(read('/_redirects')).toContain(`${gone} ${gone} 410`);
    expect(read('/_retired.map')).toContain(`"${gone}" "410";`);
  });
});

describe('the editorial workflow in the built site', () => {
  it('leaves an item under embargo out of every page, feed, data file and the search index', () => {
    expect(allText()).not.toContain(EMBARGOED);
    expect(fs.readdirSync(path.join(out(), 'pagefind'), { recursive: true }).length).toBeGreaterThan(0);
  });

  it("keeps a withdrawn item's page, with its notice and date, out of lists and feeds", async () => {
    const id = await seeded('youth-employment');
    const [en] = (await published('release', 'en')).filter((r) => r.documentId === id);
    const page = read(itemPath('release', 'en', en.slug));
    expect(page).toMatch(/class="notice withdrawn"[^>]*>.*Withdrawn on/s);
    expect(page).toContain('replaced by the Youth Guarantee');
    for (const list of [sectionPath('release', 'en'), '/en/', feedPath('en'), feedPath('en', 'release')])
      expect(read(list), list).not.toContain(en.slug);
  });

  it('shows a correction on the page, in JSON-LD and at the top of the feed with its note', async () => {
    const id = await seeded('winter-energy-subsidy');
    const [en] = (await published('release', 'en')).filter((r) => r.documentId === id);
    const page = read(itemPath('release', 'en', en.slug));
    expect(page).toContain('Last updated');
    expect(page).toContain('Corrected the application deadline');
    const ld = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap((m) =>
      [JSON.parse(m[1])].flat(),
    );
    const article = ld.find((x) => x['@type'] === 'NewsArticle');
    expect(article.datePublished).toBe(en.issuedAt);
    expect(article.dateModified).toBe(en.changeNotes[0].date);
    const feed = read(feedPath('en', 'release'));
    expect(feed).toContain(`urn:newsroom:release:${id}:en:updated:${en.changeNotes[0].date}`);
    expect(feed).toMatch(/Updated [^<]*: Corrected the application deadline/);
  });

  it('tells readers an item was published under a previous government', async () => {
    const old = (await published('release', 'en')).find(
      (r) => r.issuedAt < new Date(Date.now() - 42 * 86_400_000).toISOString(),
    );
    expect(old).toBeTruthy();
    expect(read(itemPath('release', 'en', old!.slug))).toMatch(
      /class="notice history"[^>]*>.*previous government: First Gashi Government/s,
    );
    const recent = (await published('release', 'en')).find(
      (r) => r.issuedAt > new Date(Date.now() - 30 * 86_400_000).toISOString() && r.issuedAt < new Date().toISOString(),
    );
    expect(read(itemPath('release', 'en', recent!.slug))).not.toContain('notice history');
  });

  it('has a 410 page in each language for removed addresses', () => {
    for (const { prefix, code } of LOCALES) expect(read(`/${prefix}/410/`)).toContain(RESOURCES[code]['gone.title']);
  });
});
