import type { APIRoute } from 'astro';
import type { Locale } from '@newsroom/shared-types';
import { config } from '../../../config';
import { allEntries } from '../../../lib/content';
import { agendaCalendar } from '../../../lib/calendar';
import { sectionParams } from '../../../lib/routes';
import { selectPaths } from '../../../lib/incremental';
import { t } from '../../../lib/i18n';

export function getStaticPaths() {
  return selectPaths(
    '/[lang]/[section]/calendar.ics',
    sectionParams()
      .filter((p) => p.type === 'agendaItem')
      .map(({ lang, section, locale }) => ({ params: { lang, section }, props: { locale } })),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const locale = props.locale as Locale;
  const tr = t(locale);
  const body = agendaCalendar(await allEntries('agendaItem', locale), locale, config.SITE_URL, {
    calendar: `${tr('site.name')}: ${tr('section.agendaItem')}`,
    kind: (k) => tr(`kind.agendaItem.${k}`),
    coverage: (c) => `${tr('agenda.coverage')}: ${tr(`agenda.coverage.${c}`)}`,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
