import type { APIRoute } from 'astro';
import { LOCALES, type Locale } from '@newsroom/shared-types';
import { feedResponse } from '../../lib/feed-endpoint';
import { selectPaths } from '../../lib/incremental';

export function getStaticPaths() {
  return selectPaths(
    '/[lang]/rss.xml',
    LOCALES.map((l) => ({ params: { lang: l.prefix }, props: { locale: l.code } })),
  );
}

export const GET: APIRoute = ({ props }) => feedResponse(props.locale as Locale);
