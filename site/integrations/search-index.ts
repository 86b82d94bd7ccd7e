import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { BuildReport } from '@newsroom/shared-types';
import type { EarlyBundles } from './search-early';
import type { SearchPlace } from '../src/lib/incremental';
import { byCodeUnits } from '../src/lib/code-units';

const UI = ['pagefind-ui.js', 'pagefind-ui.css'];
const BATCH = 100;
/** `sr-latn-2026` → language `sr-latn`, year `2026` (or `undated`). */
const split = (name: string) => ({
  language: name.slice(0, name.lastIndexOf('-')),
  year: name.slice(name.lastIndexOf('-') + 1),
});
/** The bundle of a page in a language, dated (or not) by its sort date. */
export const bundleOf = (language: string, date: string) =>
  `${language.toLowerCase()}-${/^\d{4}/.test(date) ? date.slice(0, 4) : 'undated'}`;
const DATE = /data-pagefind-sort="date:([^"]*)"/;
const LANG = /<html lang="([^"]+)"/;

/**
 * An item page's place in search, as the page says it (components/items/Item.astro: its
 * `<html lang>` and its `data-pagefind-sort` date); none for a page without a search body.
 */
export function searchPlaceOf(text: string): SearchPlace | undefined {
  if (!text.includes('data-pagefind-body')) return undefined;
  const date = DATE.exec(text)?.[1] ?? '';
  return [bundleOf(LANG.exec(text)?.[1] ?? 'und', date), date];
}

/** Newest year first, undated pages (people, tags, office pages) last. */
const newestFirst = (a: { year: string }, b: { year: string }) =>
  a.year === 'undated' ? 1 : b.year === 'undated' ? -1 : b.year.localeCompare(a.year);

/** A bundle's index in Pagefind's service. */
export async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/**
 * Gives pages to an index in order, a batch at a time: Pagefind's service takes its messages
 * one after another and numbers pages in the order they came, which is in the bundle's files.
 * A batch's pages are read first, so a read that ends early does not send its page first.
 */
export async function addPages(index: PagefindIndex, pages: string[], read: (rel: string) => Promise<string> | string) {
  for (let i = 0; i < pages.length; i += BATCH) {
    const batch = pages.slice(i, i + BATCH);
    const contents = await Promise.all(batch.map(async (rel) => read(rel)));
    await Promise.all(
      batch.map(async (sourcePath, j) => {
        const added = await index.addHTMLFile({ sourcePath, content: contents[j] });
        if (added.errors.length > 0)
          throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
      }),
    );
  }
}

/**
 * The order a bundle's pages are given to Pagefind in: by date, then file. A new item, dated
 * now, comes after its bundle's pages, so a publish can give them to Pagefind before its own
 * pages have rendered (search-early.ts).
 */
export const inBundleOrder = ([a, [, da]]: [string, SearchPlace], [b, [, db]]: [string, SearchPlace]) =>
  byCodeUnits(da, db) || byCodeUnits(a, b);

async function writeBundle(index: PagefindIndex, outputPath: string) {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  // Pagefind's service keeps every index it was given until told otherwise: a full build's
  // ninety bundles would all stay in its memory, beside the build's own, until the end.
  await index.deleteIndex();
}

/**
 * A bundle's index with its pages given. Pagefind numbers pages in the order they are given
 * (a page given again takes its old place), and the numbers are in the bundle's files: the
 * index started while the pages rendered (search-early.ts) is used when the pages it was given
 * are the first of the bundle's, in order. The pages of it that rendered again are then given
 * again, and the bundle's other pages after them. Otherwise a new index is given them all.
 */
async function indexOf(
  name: string,
  pages: string[],
  input: SearchInput,
): Promise<{ index: PagefindIndex; early: boolean }> {
  const early = await input.early?.get(name);
  input.early?.delete(name);
  if (early && early.pages.every((rel, i) => pages[i] === rel)) {
    const again = early.from === 'render' ? [] : early.pages.filter((rel) => input.rendered.has(rel));
    await addPages(early.index, [...again, ...pages.slice(early.pages.length)], read(input));
    return { index: early.index, early: true };
  }
  await early?.index.deleteIndex();
  const index = await newIndex();
  await addPages(index, pages, read(input));
  return { index, early: false };
}

const read = (input: SearchInput) => (rel: string) => fs.readFileSync(input.pageFile(rel), 'utf8');

/**
 * What to index: item pages by bundle, where each page is, the pages this build rendered, the
 * live build's bundles kept as they are, and the bundles started while the pages rendered.
 */
export interface SearchInput {
  search: Record<string, SearchPlace>;
  pageFile: (rel: string) => string;
  rendered: Set<string>;
  carriedBundles: Set<string>;
  early?: EarlyBundles;
}

/**
 * Pagefind indexes the item pages (what carries `data-pagefind-body`) in one bundle per
 * language and year of their date, served at /pagefind/<language>-<year>/. A publish
 * re-indexes only the bundles it touched, a third of a year's pages at most; the builder
 * carries the others from the live build. With the builder's store (`store`, the plan's
 * `searchBundles`), a bundle is written once, to a folder of its own there, and the builder
 * links it into each build that serves it: a publish links some forty folders instead of the
 * 30 000 files in them. Without a store, bundles are written into the build. The search page
 * merges its language's bundles, listed in shards.json.
 */
export async function indexSearch(
  out: string,
  input: SearchInput,
  store: { dir: string; suffix: string } | undefined,
): Promise<{ report: BuildReport['search']; bundles: string[] }> {
  const shards = new Map<string, Array<[string, SearchPlace]>>();
  for (const page of Object.entries(input.search)) {
    if (!shards.has(page[1][0])) shards.set(page[1][0], []);
    shards.get(page[1][0])!.push(page);
  }
  // A site with no item page yet still needs the search UI's files, which come with a bundle.
  if (shards.size === 0) shards.set('und-undated', []);
  const root = path.join(out, 'pagefind');
  const written: string[] = [];
  const stored: Record<string, string> = {};
  let pagesIndexed = 0;
  const started = [...(input.early?.keys() ?? [])].sort();
  const used: string[] = [];
  for (const [name, places] of shards) {
    if (input.carriedBundles.has(name)) continue;
    // Only the bundles indexed are put in order: sorting 26 000 pages took a fifth of a second.
    const pages = places.sort(inBundleOrder).map(([rel]) => rel);
    const folder = store ? path.join(store.dir, `${name}.${store.suffix}`) : path.join(root, name);
    fs.rmSync(folder, { recursive: true, force: true });
    const { index, early } = await indexOf(name, pages, input);
    if (early) used.push(name);
    await writeBundle(index, folder);
    if (store) stored[name] = path.basename(folder);
    written.push(name);
    pagesIndexed += pages.length;
  }
  // Bundles started early that this build does not index again (none of their pages changed after all).
  for (const left of input.early?.values() ?? []) await (await left)?.index.deleteIndex();
  await pagefind.close();
  const bundles: Record<string, string[]> = {};
  // In an order of their names alone: the search map's order is the order pages came in.
  for (const { language, year } of [...shards.keys()].sort().map(split).sort(newestFirst))
    (bundles[language] ??= []).push(`/pagefind/${language}-${year}/`);
  fs.mkdirSync(root, { recursive: true });
  // The search UI's files are the same in every bundle; with none written, the live build's stay.
  const first = written[0];
  if (first) {
    const from = store ? path.join(store.dir, stored[first]) : path.join(root, first);
    for (const file of UI) fs.copyFileSync(path.join(from, file), path.join(root, file));
  }
  fs.writeFileSync(path.join(root, 'shards.json'), JSON.stringify(bundles));
  return {
    report: {
      bundles: written,
      pagesIndexed,
      ...(store ? { stored } : {}),
      ...(input.early ? { early: { started, used } } : {}),
    },
    bundles: [...shards.keys()],
  };
}
