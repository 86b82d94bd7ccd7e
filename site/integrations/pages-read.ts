import type { IncrementalState, ManifestPages } from '../src/lib/incremental';

type Page = NonNullable<IncrementalState['pages']> extends Map<string, infer P> ? P : never;

/** What a rendered managed page read: src/middleware.ts notes it for every page. */
function readsOf(rel: string, page: Page): Map<string, string> {
  if (!page.reads)
    throw new Error(`${rel} rendered without its reads recorded: src/middleware.ts must run for every page.`);
  return page.reads;
}

/** Numbers query keys as pages name them, each with the digest of its answer now. */
class KeyNumbers {
  private readonly index: Map<string, number>;
  constructor(
    readonly keys: string[] = [],
    readonly digests: string[] = [],
  ) {
    this.index = new Map(keys.map((key, i) => [key, i]));
  }

  of(key: string, digest: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.push(key) - 1;
      this.index.set(key, i);
    }
    this.digests[i] = digest;
    return i;
  }

  /** A rendered page's record: its props, and the reads this build noted, numbered. */
  rendered(rel: string, page: Page): ManifestPages['pages'][string] {
    return { props: page.props, reads: [...readsOf(rel, page)].map(([key, digest]) => this.of(key, digest)) };
  }

  /** A page's reads as another record numbered them, numbered here. */
  from(record: ManifestPages, reads: number[]): number[] {
    return reads.map((i) => this.of(record.keys[i], record.digests[i]));
  }

  record(pages: ManifestPages['pages']): ManifestPages {
    return { keys: this.keys, digests: this.digests, pages, keysNumbered: this.keys.length };
  }
}

/**
 * The manifest's record of the managed pages (see src/lib/incremental.ts), numbered afresh:
 * what each page this build rendered read, and for a page it kept, what the live build
 * recorded of it. Every page that reads a query was given the same answer, so a key has one
 * digest.
 */
export function pagesRead(state: IncrementalState, rendered: Set<string>): ManifestPages {
  const before = state.manifest;
  const numbers = new KeyNumbers();
  const pages: ManifestPages['pages'] = {};
  for (const [rel, page] of [...(state.pages ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (rendered.has(rel)) pages[rel] = numbers.rendered(rel, page);
    else if (before?.pages[rel])
      pages[rel] = { props: page.props, reads: numbers.from(before, before.pages[rel].reads) };
  }
  return numbers.record(pages);
}

/**
 * An incremental build's record, made from the live build's in place (`before`'s arrays and
 * pages are changed and answered): the pages it rendered with what they read now, the pages it dropped gone,
 * every other page as the live build recorded it. Copying 63 000 pages' reads took a tenth of
 * a second of each publish. Keys no page reads any more stay until there are twice as many
 * keys as when the record was last numbered afresh; it is then numbered afresh.
 */
export function updatePagesRead(
  before: ManifestPages,
  state: IncrementalState,
  rendered: readonly string[],
  dropped: readonly string[],
): ManifestPages {
  const numbers = new KeyNumbers(before.keys, before.digests);
  for (const rel of dropped) delete before.pages[rel];
  for (const rel of rendered) {
    const page = state.pages?.get(rel);
    if (page) before.pages[rel] = numbers.rendered(rel, page);
  }
  const { keys, digests, pages: kept, keysNumbered = keys.length } = before;
  // Only the record's own fields: `before` may be a whole manifest.
  if (keys.length <= 2 * keysNumbered) return { keys, digests, pages: kept, keysNumbered };
  const fresh = new KeyNumbers();
  const pages: ManifestPages['pages'] = {};
  for (const rel of Object.keys(before.pages).sort())
    pages[rel] = { props: before.pages[rel].props, reads: fresh.from(before, before.pages[rel].reads) };
  return fresh.record(pages);
}
