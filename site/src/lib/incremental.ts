import { LOCALES, type Locale } from '@newsroom/shared-types';
import { readChanges, type Change } from '../loaders/changes';
import { config } from '../config';
import { months } from './archive';
import { byDocumentId, entries, translations, dateOf, relatedIds, type Entry } from './content';
import { yearMonth } from './dates';
import { PEOPLE_FIELDS } from './people';
import { sitemapFileOf } from './sitemap';
import { perBuild } from './build-scope';
import {
  DATED_TYPES,
  FEED_TYPES,
  PAGE_TYPES,
  archivePath,
  calendarPath,
  feedPath,
  itemPath,
  openDataPath,
  sectionPath,
  sitemapPath,
  type PageType,
} from './routes';

/**
 * Shared with `integrations/incremental.mjs` and `integrations/pagefind.mjs` (same process):
 * the first says whether the live build can be reused (same code, a manifest) and reads back
 * which addresses this build owns; both record what the build made.
 */
export interface IncrementalState {
  /** The live build this one starts from, and its manifest. */
  base?: string;
  manifest?: { fingerprint: string; files: Record<string, string[]>; search: Record<string, string> };
  affected?: Set<string>;
  fullBecause?: string;
  /** Set when the build is done: item pages by search bundle, the bundles to index again, the report. */
  search?: Record<string, string>;
  dirtyShards?: Set<string>;
  report?: { mode: 'incremental' | 'full'; rendered: number; reused?: number; reason?: string; pages?: number };
}
export const incrementalState = (): IncrementalState =>
  ((globalThis as Record<symbol, IncrementalState>)[Symbol.for('newsroom.incremental')] ??= {});

/**
 * People and tags are named on the pages of every item that links them, and a government
 * on every page it dates: a change to one of them is a full build. Retired pages only
 * change `_redirects` and the nginx map, which every build writes.
 */
const FOLLOWED = new Set<string>([...PAGE_TYPES.filter((t) => t !== 'person' && t !== 'tag'), 'retiredPage']);

/** Pages that show today's date-dependent content: every build renders them. */
const alwaysRendered = () => LOCALES.flatMap((l) => [sectionPath('agendaItem', l.code)]);

/** The addresses this build renders, or null for all of them. Decided once per build. */
export function affectedPaths(): Promise<Set<string> | null> {
  return perBuild('affected', decide);
}

async function decide(): Promise<Set<string> | null> {
  const state = incrementalState();
  const full = (reason: string) => ((state.fullBecause = reason), null);
  if (!state.base) return full(state.fullBecause ?? 'no live build to start from');
  const changes = readChanges(process.env.LOADER_CHANGES_FILE);
  if (!changes) return full('the loader recorded no changes file');
  const affected = new Set(alwaysRendered());
  for (const [type, recorded] of Object.entries(changes)) {
    if ('unknown' in recorded) return full(`${type}: the loader could not say what changed`);
    if (recorded.changes.length === 0) continue;
    if (!FOLLOWED.has(type)) return full(`a ${type} changed, and its name or dates appear on other pages`);
    if (type === 'retiredPage') continue;
    for (const change of recorded.changes)
      for (const path of await pagesOf(type as PageType, change)) affected.add(path);
  }
  state.affected = affected;
  return affected;
}

/** Every page that shows something of this entry, before and after the change. */
async function pagesOf(type: PageType, change: Change): Promise<string[]> {
  const [locale, documentId] = change.id.split(':') as [Locale, string];
  const versions = [change.before, change.after].filter((e): e is Entry => Boolean(e));
  const paths = [sectionPath(type, locale), feedPath(locale)];
  if (FEED_TYPES.includes(type)) paths.push(feedPath(locale, type));
  if (type === 'agendaItem') paths.push(calendarPath(locale));
  if (type === 'decision') paths.push(openDataPath(locale, 'json'), openDataPath(locale, 'csv'));
  const current = await translations(type, documentId);
  for (const [l, translation] of current) paths.push(itemPath(type, l, translation.slug));
  // The document's sitemap file follows one translation's date: every date it had or has.
  for (const version of [...versions, ...current.values()]) paths.push(sitemapPath(sitemapFileOf(type, [version])));
  for (const version of versions) {
    paths.push(itemPath(type, locale, version.slug));
    const field = PEOPLE_FIELDS[type];
    if (field)
      for (const person of await byDocumentId('person', locale, relatedIds(version, field)))
        paths.push(itemPath('person', locale, person.slug));
    for (const tag of await byDocumentId('tag', locale, relatedIds(version, 'tags')))
      paths.push(itemPath('tag', locale, tag.slug));
  }
  paths.push(...(await linkingPages(type, locale, documentId)));
  if (DATED_TYPES.includes(type)) paths.push(...(await monthPages(type, locale, versions)));
  return paths;
}

/** Decisions list related decisions, and campaigns their releases. */
async function linkingPages(type: PageType, locale: Locale, documentId: string): Promise<string[]> {
  const linking =
    type === 'decision'
      ? { from: 'decision' as const, field: 'relatedDecisions' }
      : type === 'release'
        ? { from: 'campaign' as const, field: 'relatedReleases' }
        : null;
  if (!linking) return [];
  return (await entries(linking.from, locale))
    .filter((e) => relatedIds(e, linking.field).includes(documentId))
    .map((e) => itemPath(linking.from, locale, e.slug));
}

/**
 * The entry's months. When a month appears or empties, every month page of the locale
 * (their archive list) and that month in the other locales (their language links) change.
 */
async function monthPages(type: PageType, locale: Locale, versions: Entry[]): Promise<string[]> {
  const all = await months(type, locale);
  const paths: string[] = [];
  let monthsChanged = false;
  for (const version of versions) {
    const date = dateOf(type, version);
    if (!date) continue;
    const { year, month } = yearMonth(date, config.SITE_TIME_ZONE);
    paths.push(archivePath(type, locale, year, month));
    const now = all.find((m) => m.year === year && m.month === month);
    if (!now || (now.items.length === 1 && now.items[0].documentId === version.documentId)) {
      monthsChanged = true;
      for (const l of LOCALES) paths.push(archivePath(type, l.code, year, month));
    }
  }
  if (monthsChanged) paths.push(...all.map((m) => archivePath(type, locale, m.year, m.month)));
  return paths;
}

/**
 * `getStaticPaths` of a content page, narrowed to what this build renders. `route` is the
 * page's address with its params in brackets, e.g. `/[lang]/[section]/[slug]/`.
 */
export async function selectPaths<P extends { params: Record<string, string | undefined> }>(
  route: string,
  paths: P[],
): Promise<P[]> {
  const affected = await affectedPaths();
  if (!affected) return paths;
  // `/[lang]/[slug]/` → ['/', 'lang', '/', 'slug', '/']: the odd parts are param names.
  const parts = route.split(/\[(\w+)\]/);
  const address = (params: P['params']) =>
    parts.map((part, i) => (i % 2 ? encodeURIComponent(params[part] ?? '') : part)).join('');
  return paths.filter((p) => affected.has(address(p.params)));
}
