import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

const UI = ['pagefind-ui.js', 'pagefind-ui.css'];
const BATCH = 100;
/** `sr-latn-2026` → language `sr-latn`, year `2026` (or `undated`). */
const split = (name) => ({
  language: name.slice(0, name.lastIndexOf('-')),
  year: name.slice(name.lastIndexOf('-') + 1),
});
/** Newest year first, undated pages (people, tags, office pages) last. */
const newestFirst = (a, b) => (a.year === 'undated' ? 1 : b.year === 'undated' ? -1 : b.year.localeCompare(a.year));

async function indexShard(site, pages, outputPath) {
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
 * Writes a bundle. With the builder's store (SEARCH_BUNDLES_DIR), a bundle is written once, to
 * a folder of its own there, and each build links to it: a publish links some forty folders
 * instead of the 30 000 files in them, and removing an old build leaves them be. The builder
 * deletes the bundles no kept build links to (scripts/builder/deploy.ts).
 */
async function writeBundle(site, root, name, pages) {
  const store = process.env.SEARCH_BUNDLES_DIR;
  if (!store) return indexShard(site, pages, path.join(root, name));
  const target = path.join(store, `${name}.${path.basename(site)}`);
  fs.rmSync(target, { recursive: true, force: true });
  await indexShard(site, pages, target);
  fs.mkdirSync(root, { recursive: true });
  fs.symlinkSync(path.relative(root, target), path.join(root, name), 'dir');
}

/**
 * After each build, Pagefind indexes the item pages (what carries `data-pagefind-body`) in
 * one bundle per language and year of their date, under <out>/pagefind/<language>-<year>/.
 * A publish re-indexes only the bundles it touched, a third of a year's pages at most; the
 * others were linked from the live build with its pages (integrations/link-worker.mjs). The
 * search page merges its language's bundles, listed in shards.json.
 * The pages and their bundles come from the incremental integration, which runs first.
 */
export function pagefindIndex() {
  return {
    name: 'newsroom-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const state = globalThis[Symbol.for('newsroom.incremental')];
        const shards = new Map();
        for (const [rel, shard] of Object.entries(state.search).sort(([a], [b]) => a.localeCompare(b))) {
          if (!shards.has(shard)) shards.set(shard, []);
          shards.get(shard).push(rel);
        }
        // A site with no item page yet still needs the search UI's files, which come with a bundle.
        if (shards.size === 0) shards.set('und-undated', []);
        const root = path.join(site, 'pagefind');
        let indexed = 0;
        // Bundles that no longer have pages go; a touched bundle is made anew.
        for (const linked of fs.existsSync(root) ? fs.readdirSync(root) : []) {
          if (!shards.has(linked) || state.dirtyShards?.has(linked))
            fs.rmSync(path.join(root, linked), { recursive: true, force: true });
        }
        for (const [name, pages] of shards) {
          if (state.dirtyShards && fs.existsSync(path.join(root, name))) continue;
          await writeBundle(site, root, name, pages);
          indexed += pages.length;
        }
        await pagefind.close();
        const bundles = {};
        for (const { language, year } of [...shards.keys()].map(split).sort(newestFirst))
          (bundles[language] ??= []).push(`/pagefind/${language}-${year}/`);
        for (const file of UI)
          fs.copyFileSync(path.join(root, shards.keys().next().value, file), path.join(root, file));
        fs.writeFileSync(path.join(root, 'shards.json'), JSON.stringify(bundles));
        logger.info(`search: ${indexed} pages indexed in ${shards.size} bundles`);
      },
    },
  };
}
