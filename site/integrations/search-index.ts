import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { BuildReport } from '@newsroom/shared-types';

const UI = ['pagefind-ui.js', 'pagefind-ui.css'];
const BATCH = 100;
/** `sr-latn-2026` → language `sr-latn`, year `2026` (or `undated`). */
const split = (name: string) => ({
  language: name.slice(0, name.lastIndexOf('-')),
  year: name.slice(name.lastIndexOf('-') + 1),
});
/** Newest year first, undated pages (people, tags, office pages) last. */
const newestFirst = (a: { year: string }, b: { year: string }) =>
  a.year === 'undated' ? 1 : b.year === 'undated' ? -1 : b.year.localeCompare(a.year);

async function indexShard(pageFile: (rel: string) => string, pages: string[], outputPath: string) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Pages go to Pagefind's service a batch at a time, which it indexes on all cores; the
  // bundle it writes does not depend on the order they arrive in.
  for (let i = 0; i < pages.length; i += BATCH) {
    await Promise.all(
      pages.slice(i, i + BATCH).map(async (sourcePath) => {
        const added = await index.addHTMLFile({ sourcePath, content: fs.readFileSync(pageFile(sourcePath), 'utf8') });
        if (added.errors.length > 0)
          throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  // Pagefind's service keeps every index it was given until told otherwise: a full build's
  // ninety bundles would all stay in its memory, beside the build's own, until the end.
  await index.deleteIndex();
}

/** What to index: item pages by bundle, where each page is, and the live build's bundles kept as they are. */
export interface SearchInput {
  search: Record<string, string>;
  pageFile: (rel: string) => string;
  carriedBundles: Set<string>;
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
  const shards = new Map<string, string[]>();
  for (const [rel, shard] of Object.entries(input.search).sort(([a], [b]) => a.localeCompare(b))) {
    if (!shards.has(shard)) shards.set(shard, []);
    shards.get(shard)!.push(rel);
  }
  // A site with no item page yet still needs the search UI's files, which come with a bundle.
  if (shards.size === 0) shards.set('und-undated', []);
  const root = path.join(out, 'pagefind');
  const written: string[] = [];
  const stored: Record<string, string> = {};
  let pagesIndexed = 0;
  for (const [name, pages] of shards) {
    if (input.carriedBundles.has(name)) continue;
    const folder = store ? path.join(store.dir, `${name}.${store.suffix}`) : path.join(root, name);
    fs.rmSync(folder, { recursive: true, force: true });
    await indexShard(input.pageFile, pages, folder);
    if (store) stored[name] = path.basename(folder);
    written.push(name);
    pagesIndexed += pages.length;
  }
  await pagefind.close();
  const bundles: Record<string, string[]> = {};
  for (const { language, year } of [...shards.keys()].map(split).sort(newestFirst))
    (bundles[language] ??= []).push(`/pagefind/${language}-${year}/`);
  fs.mkdirSync(root, { recursive: true });
  // The search UI's files are the same in every bundle; with none written, the live build's stay.
  const first = written[0];
  if (first) {
    const from = store ? path.join(store.dir, stored[first]) : path.join(root, first);
    for (const file of UI) fs.copyFileSync(path.join(from, file), path.join(root, file));
  }
  fs.writeFileSync(path.join(root, 'shards.json'), JSON.stringify(bundles));
  return { report: { bundles: written, pagesIndexed, ...(store ? { stored } : {}) }, bundles: [...shards.keys()] };
}
