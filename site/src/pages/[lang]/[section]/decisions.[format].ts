import type { APIRoute } from 'astro';
import type { Locale } from '@newsroom/shared-types';
import { config } from '../../../config';
import { allEntries } from '../../../lib/content';
import { decisionRecords, decisionsCsv } from '../../../lib/open-data';
import { sectionParams } from '../../../lib/routes';
import { selectPaths } from '../../../lib/incremental';

export function getStaticPaths() {
  return selectPaths(
    '/[lang]/[section]/decisions.[format]',
    sectionParams()
      .filter((p) => p.type === 'decision')
      .flatMap(({ lang, section, locale }) =>
        ['json', 'csv'].map((format) => ({ params: { lang, section, format }, props: { locale } })),
      ),
  );
}

export const GET: APIRoute = async ({ params, props }) => {
  const locale = props.locale as Locale;
  const records = decisionRecords(await allEntries('decision', locale), locale, config.SITE_URL);
  return params.format === 'csv'
    ? new Response(decisionsCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(JSON.stringify(records, null, 2), {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
};
