import { PAGE_TYPES, SERVER_FILES } from './routes';
import { buildSession, keptAcrossBuilds } from './build-session';
import { perBuild } from './build-scope';
import { answerDigest, digestOf, scopeOf } from './reads';
import { byCodeUnits } from './code-units';
// The modules that define the recorded queries: a key in the live build's manifest names one of them.
import './content';
import './archive';
import './sitemap';
import './disclosure';
import './accredited';

/** What a build recorded of each page it manages: the digest of its props and the queries it read. */
export interface ManifestPages {
  /** Query keys (lib/reads.ts) and the digests of their answers, in the same order. */
  keys: string[];
  digests: string[];
  /** By file: its props' digest and the queries it read, as indices into `keys`. */
  pages: Record<string, { props: string; reads: number[] }>;
  /** How many keys there were when they were last numbered afresh (integrations/pages-read.ts). */
  keysNumbered?: number;
}

/**
 * An item page's place in search: its bundle (`en-2026`) and the date it sorts by ('' when
 * undated), by which Pagefind numbers a bundle's pages (integrations/search-index.ts).
 */
export type SearchPlace = [bundle: string, date: string];

/**
 * Shared with the build integration (integrations/incremental.ts) through the build's session:
 * it says whether the live build can be reused (same code, a manifest) and reads back what
 * this build rendered and read.
 */
export interface IncrementalState {
  /** The live build this one starts from, and its manifest. */
  base?: string;
  manifest?: {
    fingerprint: string;
    files: Record<string, string[]>;
    /** Item pages' places in search. */
    search: Record<string, SearchPlace>;
    /** How many of its files are pages (absent in a manifest written before it was kept). */
    pageCount?: number;
    /** How many files refer to each asset (absent in a manifest written before it was kept). */
    assets?: Record<string, number>;
    bundles: string[];
  } & ManifestPages;
  /** Files whose recorded reads have other answers now. */
  affected?: Set<string>;
  fullBecause?: string;
  /** Every file of a managed page this build has (rendered or not): its props' digest, and what it read if rendered. */
  pages?: Map<string, { props: string; reads?: Map<string, string> }>;
}
export const incrementalState = (): IncrementalState => buildSession().incremental;

const pagesOf = (state: IncrementalState) => (state.pages ??= new Map());

/** The content types a query can read. A query over one of them can only answer otherwise if it changed. */
const TYPES = new Set<string>([...PAGE_TYPES, 'government', 'retiredPage']);

/** The files this build renders again, or null for all of them. Decided once per build. */
export function affectedPaths(): Promise<Set<string> | null> {
  return perBuild('affected', decide);
}

async function decide(): Promise<Set<string> | null> {
  const state = incrementalState();
  const full = (reason: string) => ((state.fullBecause = reason), null);
  if (!state.base || !state.manifest) return full(state.fullBecause ?? 'no live build to start from');
  const changes = buildSession().changes;
  if (Object.keys(changes).length === 0) return full('the loaders recorded no changes');
  // The documents that changed, by type: entries added, edited and removed.
  const changed = new Map<string, Set<unknown>>();
  for (const [type, recorded] of Object.entries(changes)) {
    if ('unknown' in recorded) return full(`${type}: the loader could not say what changed`);
    if (recorded.changes.length > 0)
      changed.set(type, new Set(recorded.changes.map((c) => (c.after ?? c.before)?.documentId)));
  }
  const { keys, digests, pages } = state.manifest;
  const answersOtherwise = new Set<number>();
  const byType = keysByType(keys);
  // The keys of the types that changed, and of the queries of no type, which are asked every build.
  for (const type of ['', ...changed.keys()]) {
    const documents = changed.get(type);
    for (const i of byType.get(type) ?? []) {
      const key = keys[i];
      if (documents && scopeOf(key).documents?.some((id) => documents.has(id)) === false) continue;
      if ((await answerDigest(key)) !== digests[i]) answersOtherwise.add(i);
    }
  }
  const affected = new Set<string>();
  if (answersOtherwise.size > 0)
    for (const file in pages) if (pages[file].reads.some((i) => answersOtherwise.has(i))) affected.add(file);
  state.affected = affected;
  return affected;
}

/** A manifest's query keys, numbered, by the content type they read ('' for a query of none). */
interface KeysByType {
  counted: number;
  byType: Map<string, number[]>;
}
const keysIndexed = new WeakMap<string[], KeysByType>();

/**
 * The key numbers of each content type. A live build's keys only grow from build to build (a
 * record numbered afresh is a new array; integrations/pages-read.ts), so the keys counted
 * before are not looked at again: a publish looks at its changed type's keys, not at every
 * page's (tens of thousands).
 */
function keysByType(keys: string[]): Map<string, number[]> {
  let held = keysIndexed.get(keys);
  if (!held) keysIndexed.set(keys, (held = { counted: 0, byType: new Map() }));
  for (; held.counted < keys.length; held.counted += 1) {
    const { type } = scopeOf(keys[held.counted]);
    const of = typeof type === 'string' && TYPES.has(type) ? type : '';
    if (!held.byType.has(of)) held.byType.set(of, []);
    held.byType.get(of)!.push(held.counted);
  }
  return held.byType;
}

/**
 * `/en/x/` → `en/x/index.html`, `/en/rss.xml` → `en/rss.xml`, `/_redirects` → `_redirects`: an
 * address without an extension is a page, but for the server's files the routes declare.
 */
export const fileOfAddress = (address: string): string => fileOfPath(decodeURIComponent(address));

/** The file of an address whose parts are not encoded. */
function fileOfPath(path: string): string {
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last.includes('.') || (SERVER_FILES as readonly string[]).includes(path.slice(1))) return path.slice(1);
  return `${path.slice(1)}${last ? '/' : ''}index.html`;
}

/** Keeps what a managed page read while it rendered (src/middleware.ts), for this build's manifest. */
export function noteReads(address: string, reads: Map<string, string>) {
  const page = incrementalState().pages?.get(fileOfAddress(address));
  if (page) page.reads = reads;
}

/** A page's props as its digest was last worked out: the props object, its keys in order, and the digest. */
type Seen = { props: Record<string, unknown>; keys: string[]; digest: string };
const seenAcrossBuilds = keptAcrossBuilds<Map<string, Seen>>('props seen');

/** The props digests of the last build, and this build's, by file. */
const propsSeen = () =>
  perBuild('props seen', () => {
    const last = seenAcrossBuilds.get('now') ?? new Map<string, Seen>();
    const now = new Map<string, Seen>();
    seenAcrossBuilds.set('now', now);
    return { last, now };
  });

/**
 * The digest of a page's props. In the builder's worker an entry that did not change is the
 * same object from build to build, and answers are never changed (lib/reads.ts): props of
 * the same keys and the same values (the same objects) as in the last build have the digest
 * they had then. Hashing 63 000 pages' props again took a quarter of a second of each publish.
 */
function propsDigest(seen: ReturnType<typeof propsSeen>, file: string, props: unknown): string {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) return digestOf(props);
  const last = seen.last.get(file);
  if (last && sameProps(props as Record<string, unknown>, last)) {
    seen.now.set(file, last);
    return last.digest;
  }
  const digest = digestOf(props);
  seen.now.set(file, { props: props as Record<string, unknown>, keys: Object.keys(props), digest });
  return digest;
}

/** The same keys, in the same order, holding the same values; nothing is allocated, for 63 000 pages a build. */
function sameProps(props: Record<string, unknown>, last: Seen): boolean {
  let i = 0;
  for (const key in props) {
    if (key !== last.keys[i] || props[key] !== last.props[key]) return false;
    i += 1;
  }
  return i === last.keys.length;
}

/**
 * `getStaticPaths` of a content page, narrowed to what this build renders: a page the live
 * build lacks, a page whose props differ, a page whose recorded reads answer otherwise.
 * `route` is the page's address with its params in brackets, e.g. `/[lang]/[section]/[slug]/`.
 * The props are compared, not recorded: whatever a page shows must come from its props or
 * from a recorded query, never from a read outside both. `searchDate`, for item pages: the
 * date a page sorts by in search, by which a full build orders them.
 */
export async function selectPaths<P extends { params: Record<string, string | undefined>; props?: unknown }>(
  route: string,
  paths: P[],
  searchDate?: (path: P) => string,
): Promise<P[]> {
  const affected = await affectedPaths();
  const state = incrementalState();
  const before = state.manifest?.pages ?? {};
  // `/[lang]/[slug]/` → ['/', 'lang', '/', 'slug', '/']: the odd parts are param names.
  const parts = route.split(/\[(\w+)\]/);
  const addressOf = (params: P['params']) => parts.map((part, i) => (i % 2 ? (params[part] ?? '') : part)).join('');
  const seen = propsSeen();
  const selected: Array<[file: string, path: P]> = [];
  for (const path of paths) {
    const file = fileOfPath(addressOf(path.params));
    const props = propsDigest(seen, file, path.props ?? null);
    pagesOf(state).set(file, { props });
    if (!affected || affected.has(file) || before[file]?.props !== props) selected.push([file, path]);
  }
  if (affected || !searchDate) return selected.map(([, path]) => path);
  // A full build renders item pages in the order their search bundles take them: by date, then
  // file (integrations/search-stream.ts gives each to Pagefind as it renders).
  return selected
    .map(([file, path]) => [searchDate(path), file, path] as const)
    .sort(([da, fa], [db, fb]) => byCodeUnits(da, db) || byCodeUnits(fa, fb))
    .map(([, , path]) => path);
}
