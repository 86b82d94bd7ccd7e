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

async function indexShard(site: string, pages: string[], outputPath: string) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Pages go to Pagefind's service a batch at a time, which it indexes on all cores; the
  // bundle it writes does not depend on the order they arrive in.
  for (let i = 0; i < pages.length; i += BATCH) {
    await Promise.all(
      pages.slice(i, i + BATCH).map(async (sourcePath) => {
        const added = await index.addHTMLFile({
          sourcePath,
          content: fs.readFileSync(path.join(site, sourcePath), 'utf8'),
        });
        if (added.errors.length > 0)
          throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
}

/**
 * Writes a bundle. With the builder's store (the plan's `searchBundles`), a bundle is written
 * once, to a folder of its own there, and each build links to it: a publish links some forty
 * folders instead of the 30 000 files in them, and removing an old build leaves them be. The
 * builder deletes the bundles no kept build links to (scripts/builder/deploy.ts).
 */
async function writeBundle(site: string, root: string, name: string, pages: string[], store: string | undefined) {
  if (!store) return indexShard(site, pages, path.join(root, name));
  const target = path.join(store, `${name}.${path.basename(site)}`);
  fs.rmSync(target, { recursive: true, force: true });
  await indexShard(site, pages, target);
  fs.mkdirSync(root, { recursive: true });
  fs.symlinkSync(path.relative(root, target), path.join(root, name), 'dir');
}

/**
 * Pagefind indexes the item pages (what carries `data-pagefind-body`) in one bundle per
 * language and year of their date, under <site>/pagefind/<language>-<year>/. A publish
 * re-indexes only the bundles it touched (`dirty`), a third of a year's pages at most; the
 * others were linked from the live build with its pages (integrations/link-worker.mjs). The
 * search page merges its language's bundles, listed in shards.json.
 */
export async function indexSearch(
  site: string,
  search: Record<string, string>,
  dirty: Set<string> | null,
  store: string | undefined,
): Promise<BuildReport['search']> {
  const shards = new Map<string, string[]>();
  for (const [rel, shard] of Object.entries(search).sort(([a], [b]) => a.localeCompare(b))) {
    if (!shards.has(shard)) shards.set(shard, []);
    shards.get(shard)!.push(rel);
  }
  // A site with no item page yet still needs the search UI's files, which come with a bundle.
  if (shards.size === 0) shards.set('und-undated', []);
  const root = path.join(site, 'pagefind');
  const written: string[] = [];
  let pagesIndexed = 0;
  // Bundles that no longer have pages go; a touched bundle is made anew.
  for (const linked of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (!shards.has(linked) || dirty?.has(linked)) fs.rmSync(path.join(root, linked), { recursive: true, force: true });
  }
  for (const [name, pages] of shards) {
    if (dirty && fs.existsSync(path.join(root, name))) continue;
    await writeBundle(site, root, name, pages, store);
    written.push(name);
    pagesIndexed += pages.length;
  }
  await pagefind.close();
  const bundles: Record<string, string[]> = {};
  for (const { language, year } of [...shards.keys()].map(split).sort(newestFirst))
    (bundles[language] ??= []).push(`/pagefind/${language}-${year}/`);
  const first = shards.keys().next().value!;
  for (const file of UI) fs.copyFileSync(path.join(root, first, file), path.join(root, file));
  fs.writeFileSync(path.join(root, 'shards.json'), JSON.stringify(bundles));
  return { bundles: written, pagesIndexed };
}
