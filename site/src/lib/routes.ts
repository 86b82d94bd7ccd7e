import {
  CONTENT_TYPES,
  LOCALES,
  SPECIAL_PAGES,
  localeInfo,
  type ContentTypeKey,
  type Locale,
} from '@newsroom/shared-types';

/**
 * Every URL of the site, built from the one declaration of locales and sections in
 * shared-types. Paths end with `/` (folders with index.html) except files.
 */
export type PageType = {
  [K in ContentTypeKey]: 'sections' extends keyof (typeof CONTENT_TYPES)[K] ? K : never;
}[ContentTypeKey];

export const PAGE_TYPES = (Object.keys(CONTENT_TYPES) as ContentTypeKey[]).filter(
  (k): k is PageType => 'sections' in CONTENT_TYPES[k],
);

/** Types that have list pages, archives and (most) feeds: those dated by a field. */
export const DATED_TYPES = PAGE_TYPES.filter((k) => 'dateField' in CONTENT_TYPES[k]);
export const FEED_TYPES = PAGE_TYPES.filter((k) => CONTENT_TYPES[k].feed);
/** Types whose pages the search finds. */
export const SEARCH_TYPES = PAGE_TYPES.filter((k) => 'search' in CONTENT_TYPES[k] && CONTENT_TYPES[k].search);

/**
 * The files of the build's root that a server reads, not a reader: the retired addresses
 * (pages/[file].ts). `_redirects` has no extension, so an address is not enough to tell it
 * from a page (lib/incremental.ts, `fileOfAddress`).
 */
export const SERVER_FILES = ['_redirects', '_retired.map'] as const;
export type ServerFile = (typeof SERVER_FILES)[number];

const prefix = (locale: Locale) => localeInfo(locale).prefix;
const section = (type: PageType, locale: Locale) =>
  (CONTENT_TYPES[type] as { sections: Record<Locale, string> }).sections[locale];

export const homePath = (locale: Locale) => `/${prefix(locale)}/`;
const sectionPaths = new Map<string, string>();
/** Asked for on every link to an item, tens of thousands of times a build: worked out once. */
export function sectionPath(type: PageType, locale: Locale): string {
  const key = `${type}:${locale}`;
  let path = sectionPaths.get(key);
  if (path === undefined) sectionPaths.set(key, (path = `/${prefix(locale)}/${section(type, locale)}/`));
  return path;
}
export const itemPath = (type: PageType, locale: Locale, slug: string) =>
  `${sectionPath(type, locale)}${encodeURIComponent(slug)}/`;
/** A year's folder of a section: the months of that year, so a reader can shorten a month's address. */
export const yearPath = (type: PageType, locale: Locale, year: number) => `${sectionPath(type, locale)}${year}/`;
export const archivePath = (type: PageType, locale: Locale, year: number, month: number) =>
  `${sectionPath(type, locale)}${year}/${String(month).padStart(2, '0')}/`;
export const feedPath = (locale: Locale, type?: PageType) =>
  type ? `${sectionPath(type, locale)}rss.xml` : `/${prefix(locale)}/rss.xml`;
export const calendarPath = (locale: Locale) => `${sectionPath('agendaItem', locale)}calendar.ics`;
export const openDataPath = (locale: Locale, ext: 'json' | 'csv') =>
  `${sectionPath('decision', locale)}decisions.${ext}`;
export const specialPath = (page: keyof typeof SPECIAL_PAGES, locale: Locale) =>
  `/${prefix(locale)}/${SPECIAL_PAGES[page][locale]}/`;
export const disclosureFeedPath = (locale: Locale) => `${specialPath('disclosureLog', locale)}rss.xml`;
export const requestStatisticsPath = (locale: Locale, ext: 'json' | 'csv') =>
  `${specialPath('disclosureLog', locale)}statistics.${ext}`;
/** `getStaticPaths` of a special page in every locale: its folder param (`feeds`, `search`…) named as the page's route names it. */
export const specialPageParams = (page: keyof typeof SPECIAL_PAGES, param: string) =>
  LOCALES.map((l) => ({
    params: { lang: l.prefix, [param]: SPECIAL_PAGES[page][l.code] },
    props: { locale: l.code },
  }));

/** One file of the sitemap (see lib/sitemap.ts); the index of them all is /sitemap.xml. */
export const sitemapPath = (name: string) => `/sitemaps/${name}.xml`;
export const notFoundPath = (locale: Locale) => `/${prefix(locale)}/404/`;
/** Served with status 410 for the addresses of items removed from the site. */
export const gonePath = (locale: Locale) => `/${prefix(locale)}/410/`;

export const absolute = (site: string, path: string) => `${site.replace(/\/+$/, '')}${path}`;

/** The locale and content type a URL section belongs to, for `getStaticPaths`. */
export function sectionParams() {
  return LOCALES.flatMap((l) =>
    PAGE_TYPES.map((type) => ({ lang: l.prefix, section: section(type, l.code), type, locale: l.code })),
  );
}
