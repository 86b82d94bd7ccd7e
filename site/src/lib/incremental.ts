import { PAGE_TYPES } from './routes';
import { buildSession } from './build-session';
import { perBuild } from './build-scope';
import { answerDigest, argumentsOf, digestOf, documentsOf } from './reads';
// The modules that define the recorded queries: a key in the live build's manifest names one of them.
import './content';
import './archive';
import './sitemap';

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
    /** Item pages by search period (integrations/search-bundles.ts). */
    search: Record<string, string>;
    /** The month the build was made in: which periods had their own bundle (absent in a manifest written before they had). */
    month?: string;
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
  for (const [i, key] of keys.entries()) {
    const [first] = argumentsOf(key);
    if (typeof first === 'string' && TYPES.has(first)) {
      const documents = changed.get(first);
      if (!documents || documentsOf(key)?.some((id) => documents.has(id)) === false) continue;
    }
    if ((await answerDigest(key)) !== digests[i]) answersOtherwise.add(i);
  }
  const affected = new Set(
    Object.entries(pages)
      .filter(([, page]) => page.reads.some((i) => answersOtherwise.has(i)))
      .map(([file]) => file),
  );
  state.affected = affected;
  return affected;
}

/** `/en/x/` → `en/x/index.html`, `/en/rss.xml` → `en/rss.xml`; an address without an extension is a page. */
export function fileOfAddress(address: string): string {
  const decoded = decodeURIComponent(address);
  const last = decoded.slice(decoded.lastIndexOf('/') + 1);
  if (last.includes('.')) return decoded.slice(1);
  return `${decoded.slice(1)}${last ? '/' : ''}index.html`;
}

/** Keeps what a managed page read while it rendered (src/middleware.ts), for this build's manifest. */
export function noteReads(address: string, reads: Map<string, string>) {
  const page = incrementalState().pages?.get(fileOfAddress(address));
  if (page) page.reads = reads;
}

/**
 * `getStaticPaths` of a content page, narrowed to what this build renders: a page the live
 * build lacks, a page whose props differ, a page whose recorded reads answer otherwise.
 * `route` is the page's address with its params in brackets, e.g. `/[lang]/[section]/[slug]/`.
 * The props are compared, not recorded: whatever a page shows must come from its props or
 * from a recorded query, never from a read outside both.
 */
export async function selectPaths<P extends { params: Record<string, string | undefined>; props?: unknown }>(
  route: string,
  paths: P[],
): Promise<P[]> {
  const affected = await affectedPaths();
  const state = incrementalState();
  const before = state.manifest?.pages ?? {};
  // `/[lang]/[slug]/` → ['/', 'lang', '/', 'slug', '/']: the odd parts are param names.
  const parts = route.split(/\[(\w+)\]/);
  const address = (params: P['params']) =>
    parts.map((part, i) => (i % 2 ? encodeURIComponent(params[part] ?? '') : part)).join('');
  return paths.filter((path) => {
    const file = fileOfAddress(address(path.params));
    const props = digestOf(path.props ?? null);
    pagesOf(state).set(file, { props });
    return !affected || affected.has(file) || before[file]?.props !== props;
  });
}
