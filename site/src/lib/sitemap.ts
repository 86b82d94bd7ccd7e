import { create } from 'xmlbuilder2';
import { LOCALES, type Locale } from '@newsroom/shared-types';
import { allEntries, translations } from './content';
import { months } from './archive';
import { absolute, archivePath, DATED_TYPES, homePath, itemPath, PAGE_TYPES, sectionPath, specialPath } from './routes';

type Alternates = Partial<Record<Locale, string>>;

/** Every HTML page, as the set of its language versions. */
export async function pageSets(): Promise<Alternates[]> {
  const all = (path: (l: Locale) => string) => Object.fromEntries(LOCALES.map((l) => [l.code, path(l.code)])) as Alternates;
  const sets: Alternates[] = [all(homePath), all((l) => specialPath('feeds', l))];
  for (const type of PAGE_TYPES) {
    sets.push(all((l) => sectionPath(type, l)));
    const seen = new Set<string>();
    for (const l of LOCALES) {
      for (const entry of await allEntries(type, l.code)) {
        if (seen.has(entry.documentId)) continue;
        seen.add(entry.documentId);
        const versions = await translations(type, entry.documentId);
        sets.push(Object.fromEntries([...versions].map(([locale, e]) => [locale, itemPath(type, locale, e.slug)])));
      }
    }
    if (!DATED_TYPES.includes(type)) continue;
    const byMonth = new Map<string, Alternates>();
    for (const l of LOCALES) {
      for (const m of await months(type, l.code)) {
        const key = `${m.year}-${m.month}`;
        byMonth.set(key, { ...byMonth.get(key), [l.code]: archivePath(type, l.code, m.year, m.month) });
      }
    }
    sets.push(...byMonth.values());
  }
  return sets;
}

/** A sitemap with `xhtml:link` hreflang alternates on every URL that has translations. */
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
        for (const [locale, alt] of versions) url.ele('xhtml:link', { rel: 'alternate', hreflang: locale, href: absolute(site, alt) });
      }
    }
  }
  return root.end({ prettyPrint: true });
}
