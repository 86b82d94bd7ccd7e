import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useEditorialReport } from './report';

type Tone = 'danger' | 'neutral';

function Line({ label, value, tone = 'neutral' }: { label: string; value: string | number; tone?: Tone }) {
  return (
    <Flex justifyContent="space-between" gap={4} paddingTop={2} paddingBottom={2} data-line={label}>
      <Typography textColor={tone === 'danger' ? 'danger700' : 'neutral800'}>{label}</Typography>
      <Typography fontWeight="bold" textColor={tone === 'danger' ? 'danger700' : 'neutral800'}>{value}</Typography>
    </Flex>
  );
}

/**
 * The home page's summary of the editorial desk: what is overdue, scheduled, under embargo
 * or waiting for a translation, whether mail failed, and whether the public site follows.
 */
export function DeskSummary() {
  const { formatMessage, formatDate } = useIntl();
  const { report, error } = useEditorialReport();
  const say = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: `newsroom.home.${id}`, defaultMessage }, values);
  if (error) return <Typography textColor="danger600">{say('error', 'Could not load the desk: {error}', { error })}</Typography>;
  if (!report) return <Typography textColor="neutral600">{say('loading', 'Loading…')}</Typography>;
  const toTranslate = Object.values(report.translations.missing).reduce((a, b) => a + b, 0) + Object.values(report.translations.outdated).reduce((a, b) => a + b, 0);
  const { site } = report;
  const live = site.liveBuild ? formatDate(site.liveBuild.startedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: report.timeZone }) : null;
  return (
    <Box>
      <Line label={say('overdue', 'Overdue')} value={report.overdue.length} tone={report.overdue.length > 0 ? 'danger' : 'neutral'} />
      <Line label={say('scheduled', 'Scheduled')} value={report.scheduled.length} />
      <Line label={say('embargoed', 'Under embargo')} value={report.embargoed.length} />
      <Line label={say('translations', 'Translations to do')} value={toTranslate} />
      {report.mail.failed.length > 0 && <Line label={say('mailFailed', 'Mail not sent')} value={report.mail.failed.length} tone="danger" />}
      <Line label={say('liveBuild', 'Site built')} value={live ?? say('noBuild', 'not known')} />
      <Box paddingTop={2} role={site.reasons.length > 0 ? 'alert' : undefined}>
        {site.reasons.length > 0 && <Typography textColor="danger700">{site.behindSinceOffice ? say('behindSince', 'The site is behind the CMS since {since}.', { since: site.behindSinceOffice }) : say('behind', 'The site may not follow the CMS.')}</Typography>}
        {site.reasons.length === 0 && site.liveBuild && <Typography textColor="success700">{say('following', 'The site shows what is published.')}</Typography>}
        {site.reasons.length === 0 && !site.liveBuild && <Typography textColor="neutral600">{say('noBuilder', 'No site builder is connected to this CMS.')}</Typography>}
      </Box>
    </Box>
  );
}
