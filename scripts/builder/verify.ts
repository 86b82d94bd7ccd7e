import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { LOCALES } from '@newsroom/shared-types';

export interface LiveFacts {
  pages: number;
  /** Entries the CMS listed for the live build (from the loader's stats), if known. */
  listed?: number;
}

/**
 * Checks a finished build before it may go live: a home page and a feed per locale, every
 * feed well-formed, and no collapse in page count against the live build unless the CMS
 * itself now lists that many fewer entries. `pages` are the ones counted on disk (seal.ts).
 * Returns them; throws what is wrong.
 */
export function verifyBuild(
  dir: string,
  live: LiveFacts | null,
  listed: number | undefined,
  maxDrop: number,
  pages: number,
): number {
  const problems: string[] = [];
  for (const { prefix } of LOCALES) {
    if (!fs.existsSync(path.join(dir, prefix, 'index.html'))) problems.push(`no home page for /${prefix}/`);
    const feed = path.join(dir, prefix, 'rss.xml');
    if (!fs.existsSync(feed)) problems.push(`no feed /${prefix}/rss.xml`);
    else if (XMLValidator.validate(fs.readFileSync(feed, 'utf8')) !== true)
      problems.push(`/${prefix}/rss.xml is not well-formed XML`);
  }
  if (live && pages < live.pages * (1 - maxDrop)) {
    const cmsShrank = live.listed !== undefined && listed !== undefined && listed < live.listed * (1 - maxDrop);
    if (!cmsShrank) {
      problems.push(
        `page count collapsed from ${live.pages} to ${pages} while the CMS lists ${listed ?? 'an unknown number of'} entries (was ${live.listed ?? 'unknown'})`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`The build is not fit to go live: ${problems.join('; ')}`);
  return pages;
}
