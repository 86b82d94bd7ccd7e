import type { APIRoute } from 'astro';
import type { Locale } from '@newsroom/shared-types';
import { feedResponse } from '../../../lib/feed-endpoint';
import { FEED_TYPES, sectionParams, type PageType } from '../../../lib/routes';
import { selectPaths } from '../../../lib/incremental';

export function getStaticPaths() {
  return selectPaths(
    '/[lang]/[section]/rss.xml',
    sectionParams()
      .filter((p) => FEED_TYPES.includes(p.type))
      .map(({ lang, section, type, locale }) => ({ params: { lang, section }, props: { type, locale } })),
  );
}

export const GET: APIRoute = ({ props }) => feedResponse(props.locale as Locale, props.type as PageType);
