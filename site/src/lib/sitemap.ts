import { create } from 'xmlbuilder2';
import { LOCALES, type Locale } from '@newsroom/shared-types';
import { config } from '../config';
import { allEntries, dateOf, translations, type Entry } from './content';
import { months } from './archive';
import { yearMonth } from './dates';
import { perBuild, perEntries } from './build-scope';
import { recorded } from './reads';
import {
  absolute,
  archivePath,
  DATED_TYPES,
  homePath,
  itemPath,
  PAGE_TYPES,
  sectionPath,
  sitemapPath,
  specialPath,
  type PageType,
} from './routes';

type Alternates = Partial<Record<Locale, string>>;

/**
 * The sitemap is an index of files: the fixed pages, then one file per type, and for dated
 * types one per year. A file may hold 50 000 URLs, and a publish rewrites only its own year.
 */
const FIXED = 'pages' as const;
/** What a sitemap file lists: a type's pages, or the fixed pages. */
export type SitemapType = PageType | typeof FIXED;

const kebab = (type: PageType) => type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The file that lists a document: its type's, by the year of its first dated translation. */
export function sitemapFileOf(type: PageType, versions: Entry[]): string {
  if (!DATED_TYPES.includes(type)) return kebab(type);
  const date = versions.map((e) => dateOf(type, e)).find(Boolean);
  return date ? `${kebab(type)}-${yearMonth(date, config.SITE_TIME_ZONE).year}` : kebab(type);
}

/** Every sitemap file's name, and the type whose pages it lists (`pages`: the fixed pages). Computed once per build. */
export function sitemapFiles(): Promise<Map<string, SitemapType>> {
  return perBuild('sitemap', async () => {
    const names = new Map<string, SitemapType>([[FIXED, FIXED]]);
    for (const type of PAGE_TYPES) for (const name of (await typeFiles(type)).keys()) names.set(name, type);
    return names;
  });
}

/**
 * One sitemap file's pages, each the set of its language versions: what its endpoint reads,
 * so it is rendered again only when they change, and asked again only when its type changed.
 */
export const sitemapFile = recorded(
  'sitemapFile',
  async (type: SitemapType, name: string): Promise<Alternates[]> =>
    (type === FIXED ? (name === FIXED ? fixedPages() : undefined) : (await typeFiles(type)).get(name)) ?? [],
);

const allLanguages = (path: (l: Locale) => string) =>
  Object.fromEntries(LOCALES.map((l) => [l.code, path(l.code)])) as Alternates;

const fixedPages = () => [
  allLanguages(homePath),
  allLanguages((l) => specialPath('feeds', l)),
  allLanguages((l) => specialPath('disclosureLog', l)),
  ...PAGE_TYPES.map((t) => allLanguages((l) => sectionPath(t, l))),
];

/** A type's files: made again only when its entries change (a publish changes one type). */
const typeFiles = (type: PageType) => perEntries(type, `sitemap:${type}`, () => groupType(type));

async function groupType(type: PageType): Promise<Map<string, Alternates[]>> {
  const byFile = new Map<string, Alternates[]>();
  const add = (file: string, set: Alternates) => {
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(set);
  };
  const seen = new Set<string>();
  for (const l of LOCALES) {
    for (const entry of await allEntries(type, l.code)) {
      if (seen.has(entry.documentId)) continue;
      seen.add(entry.documentId);
      const versions = await translations(type, entry.documentId);
      add(
        sitemapFileOf(type, [...versions.values()]),
        Object.fromEntries([...versions].map(([locale, e]) => [locale, itemPath(type, locale, e.slug)])),
      );
    }
  }
  if (!DATED_TYPES.includes(type)) return byFile;
  const byMonth = new Map<string, { year: number; set: Alternates }>();
  for (const l of LOCALES) {
    for (const m of await months(type, l.code)) {
      const key = `${m.year}-${m.month}`;
      byMonth.set(key, {
        year: m.year,
        set: { ...byMonth.get(key)?.set, [l.code]: archivePath(type, l.code, m.year, m.month) },
      });
    }
  }
  for (const { year, set } of byMonth.values()) add(`${kebab(type)}-${year}`, set);
  return byFile;
}

/** A sitemap file, with `xhtml:link` hreflang alternates on every URL that has translations. */
export function sitemapXml(sets: Alternates[], site: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('urlset', {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
  });
  for (const set of sets) {
    const versions = Object.entries(set) as Array<[Locale, string]>;
    for (const [, path] of versions) {
      const url = root.ele('url');
      url.ele('loc').txt(absolute(site, path));
      if (versions.length > 1) {
        for (const [locale, alt] of versions)
          url.ele('xhtml:link', { rel: 'alternate', hreflang: locale, href: absolute(site, alt) });
      }
    }
  }
  return root.end({ prettyPrint: true });
}

/** The sitemap index: one entry per file. */
export function sitemapIndexXml(names: string[], site: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('sitemapindex', {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  });
  for (const name of names)
    root
      .ele('sitemap')
      .ele('loc')
      .txt(absolute(site, sitemapPath(name)));
  return root.end({ prettyPrint: true });
}
