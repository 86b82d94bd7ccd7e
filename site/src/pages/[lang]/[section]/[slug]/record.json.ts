import type { APIRoute } from 'astro';
import type { Locale } from '@newsroom/shared-types';
import { allEntries } from '../../../../lib/content';
import type { Entry } from '../../../../lib/entry';
import { selectPaths } from '../../../../lib/incremental';
import { recordFile, SIGNED_TYPES } from '../../../../lib/publication-record';
import { sectionParams, type PageType } from '../../../../lib/routes';

export async function getStaticPaths() {
  const paths = [];
  for (const { lang, section, type, locale } of sectionParams().filter((p) => SIGNED_TYPES.includes(p.type)))
    for (const entry of await allEntries(type, locale))
      paths.push({ params: { lang, section, slug: entry.slug }, props: { type, locale, entry } });
  return selectPaths('/[lang]/[section]/[slug]/record.json', paths);
}

/** The item's signed record (the builder signs it: scripts/authenticity). */
export const GET: APIRoute = ({ props }) =>
  new Response(recordFile(props.type as PageType, props.locale as Locale, props.entry as Entry).body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
