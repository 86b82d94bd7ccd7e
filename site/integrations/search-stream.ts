import type { PagefindIndex } from 'pagefind';
import type { BuildSession } from '../src/lib/build-session';
import { fileOfAddress } from '../src/lib/incremental';
import type { EarlyBundles } from './search-early';
import { newIndex, searchPlaceOf } from './search-index';

const MARK = Buffer.from('data-pagefind-body');

interface Streaming {
  index: Promise<PagefindIndex>;
  pages: string[];
  given: Array<Promise<{ errors: string[] }>>;
}

/**
 * A full build gives Pagefind each item page as it renders, to the index of its bundle:
 * Pagefind's service indexes on the other core while this one renders (after the render, it
 * took some 45 s of a cold build at 10 000 documents × 3 languages). It numbers a bundle's
 * pages in the order they came, so the item pages render in their bundles' order
 * (`selectPaths`'s `searchDate`, src/lib/incremental.ts); an index given its pages in another order is
 * not used, and the bundle is indexed afresh (search-index.ts checks). Answers `finish`,
 * which stops listening and gives the bundles started.
 */
export function indexPagesAsTheyRender(session: BuildSession): { finish: () => EarlyBundles } {
  const bundles = new Map<string, Streaming>();
  session.pageRendered = (address, bytes) => {
    if (!bytes.includes(MARK)) return;
    const text = bytes.toString('utf8');
    const place = searchPlaceOf(text);
    if (!place) return;
    let bundle = bundles.get(place[0]);
    if (!bundle) bundles.set(place[0], (bundle = { index: newIndex(), pages: [], given: [] }));
    const sourcePath = fileOfAddress(address);
    bundle.pages.push(sourcePath);
    // Sent in the order the pages came: each waits only for the index, not for the page before.
    // A failure is an answer here, read when the build finishes, never a rejection left unheard.
    bundle.given.push(
      bundle.index
        .then(
          (index) => index.addHTMLFile({ sourcePath, content: text }),
          (error: unknown) => ({ errors: [`Pagefind could not start: ${String(error)}`] }),
        )
        .catch((error: unknown) => ({ errors: [String(error)] })),
    );
  };
  return {
    finish: () => {
      session.pageRendered = undefined;
      return new Map(
        [...bundles].map(([name, { index, pages, given }]) => [
          name,
          Promise.all(given)
            .then(async (answers) => {
              const errors = answers.flatMap((a) => a.errors);
              if (errors.length > 0) throw new Error(errors.join('; '));
              return { index: await index, pages, from: 'render' as const };
            })
            .catch(async (error: unknown) => {
              console.warn(`The search bundle ${name} is indexed after the render: ${String(error)}`);
              await (await index.catch(() => undefined))?.deleteIndex();
              return undefined;
            }),
        ]),
      );
    },
  };
}
