import fs from 'node:fs';
import path from 'node:path';
import type { PagefindIndex } from 'pagefind';
import type { TypeChanges } from '../src/loaders/changes';
import type { Locale } from '@newsroom/shared-types';
import { fileOfAddress, type IncrementalState } from '../src/lib/incremental';
import { dateOf, type Entry } from '../src/lib/entry';
import { itemPath, SEARCH_TYPES, type PageType } from '../src/lib/routes';
import { addPages, bundleOf, inBundleOrder, newIndex } from './search-index';

/**
 * A bundle started early: its index in Pagefind's service, and the pages given to it, in order:
 * the live build's (`from: 'live'`), or this build's as they rendered (`from: 'render'`; see
 * search-stream.ts), which need not be given again.
 */
export interface EarlyBundle {
  index: PagefindIndex;
  pages: string[];
  from: 'live' | 'render';
}
/** By bundle name; a bundle whose start failed answers undefined (it is logged, and indexed afresh). */
export type EarlyBundles = Map<string, Promise<EarlyBundle | undefined>>;

/**
 * Starts indexing, while a publish finds what changed and renders its pages, the search
 * bundles its changed entries are dated in (a rendered page of another bundle whose words
 * changed, an item naming a renamed person, is indexed after the render). Each is given the
 * live build's pages of it in bundle order, but for the pages of entries that go or move;
 * after the render, search-index.ts gives it again the pages that rendered (each takes its old
 * place) and then the new ones, which a new item, dated now, follows. Re-indexing a
 * language-year bundle (some 600 pages for one changed) took a second and more of each publish
 * after the render; Pagefind's service runs on the other core while this one works. A guess
 * that turns out wrong costs time, never a wrong bundle: search-index.ts uses an early bundle
 * only if its pages are the first of the bundle's.
 */
export function indexKeptPagesEarly(state: IncrementalState, changes: Record<string, TypeChanges>): EarlyBundles {
  const early: EarlyBundles = new Map();
  const { base, manifest } = state;
  if (!base || !manifest) return early;
  const likely = new Set<string>();
  const leaving = new Set<string>();
  for (const [type, recorded] of Object.entries(changes)) {
    if (!('changes' in recorded) || !(SEARCH_TYPES as readonly string[]).includes(type)) continue;
    for (const { before, after } of recorded.changes) {
      const [was, is] = [before, after].map((entry) => entry && placeOf(type as PageType, entry));
      for (const place of [was, is]) if (place) likely.add(place.bundle);
      if (was && (was.file !== is?.file || was.date !== is.date)) leaving.add(was.file);
    }
  }
  const kept = new Map<string, string[]>();
  for (const [rel] of Object.entries(manifest.search)
    .filter(([rel, [bundle]]) => likely.has(bundle) && !leaving.has(rel))
    .sort(inBundleOrder)) {
    const bundle = manifest.search[rel][0];
    if (!kept.has(bundle)) kept.set(bundle, []);
    kept.get(bundle)!.push(rel);
  }
  for (const [bundle, pages] of kept) {
    const started = (async () => {
      const index = await newIndex();
      await addPages(index, pages, (rel) => fs.promises.readFile(path.join(base, rel), 'utf8'));
      return { index, pages, from: 'live' as const };
    })();
    early.set(
      bundle,
      started.catch((error: unknown) => {
        console.warn(
          `The search bundle ${bundle} could not be started early; it is indexed after the render: ${String(error)}`,
        );
        return undefined;
      }),
    );
  }
  return early;
}

/**
 * An entry's page and its place in search, as the page says it (components/items/Item.astro:
 * its `<html lang>` and its `data-pagefind-sort` date; integrations/incremental.ts reads them back).
 */
function placeOf(type: PageType, entry: Record<string, unknown>) {
  const { locale, slug } = entry;
  // An entry without a language or an address has no page: nothing to guess.
  if (typeof locale !== 'string' || typeof slug !== 'string') return undefined;
  const date = dateOf(type, entry as Entry) ?? '';
  return { file: fileOfAddress(itemPath(type, locale as Locale, slug)), bundle: bundleOf(locale, date), date };
}
