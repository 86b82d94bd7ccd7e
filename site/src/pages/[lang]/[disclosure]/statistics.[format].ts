import type { APIRoute } from 'astro';
import { LOCALES, SPECIAL_PAGES } from '@newsroom/shared-types';
import { requestStatistics, statisticsCsv, statisticsRows } from '../../../lib/disclosure';
import { selectPaths } from '../../../lib/incremental';

export function getStaticPaths() {
  return selectPaths(
    '/[lang]/[disclosure]/statistics.[format]',
    LOCALES.flatMap((l) =>
      ['json', 'csv'].map((format) => ({
        params: { lang: l.prefix, disclosure: SPECIAL_PAGES.disclosureLog[l.code], format },
      })),
    ),
  );
}

/** The monthly statistics of requests for documents as open data: the same numbers in every language. */
export const GET: APIRoute = async ({ params }) => {
  const months = await requestStatistics();
  return params.format === 'csv'
    ? new Response(statisticsCsv(months), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(JSON.stringify(statisticsRows(months), null, 2), {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
};
