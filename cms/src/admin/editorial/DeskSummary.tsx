import { Box, Flex, Typography } from '@strapi/design-system';
import { useSay, type MessageId } from '../translations/say';
import { useOfficeTime } from '../translations/office-time';
import { useEditorialReport } from './report';

type Tone = 'danger' | 'neutral';

function Line({ id, value, tone = 'neutral' }: { id: MessageId; value: string | number; tone?: Tone }) {
  const label = useSay()(id);
  return (
    <Flex justifyContent="space-between" gap={4} paddingTop={2} paddingBottom={2} data-line={id}>
      <Typography textColor={tone === 'danger' ? 'danger700' : 'neutral800'}>{label}</Typography>
      <Typography fontWeight="bold" textColor={tone === 'danger' ? 'danger700' : 'neutral800'}>
        {value}
      </Typography>
    </Flex>
  );
}

/**
 * The home page's summary of the editorial desk: what is overdue, scheduled, under embargo
 * or waiting for a translation, whether mail failed, and whether the public site follows.
 */
export function DeskSummary() {
  const officeTime = useOfficeTime();
  const say = useSay();
  const { report, error } = useEditorialReport();
  if (error) return <Typography textColor="danger600">{say('newsroom.home.error', { error })}</Typography>;
  if (!report) return <Typography textColor="neutral600">{say('newsroom.home.loading')}</Typography>;
  const toTranslate =
    Object.values(report.translations.missing).reduce((a, b) => a + b, 0) +
    Object.values(report.translations.outdated).reduce((a, b) => a + b, 0);
  const { site } = report;
  const live = site.liveBuild ? officeTime(site.liveBuild.startedAt, report.timeZone) : null;
  return (
    <Box>
      <Line
        id="newsroom.home.overdue"
        value={report.overdue.length}
        tone={report.overdue.length > 0 ? 'danger' : 'neutral'}
      />
      <Line id="newsroom.home.scheduled" value={report.scheduled.length} />
      <Line id="newsroom.home.embargoed" value={report.embargoed.length} />
      <Line id="newsroom.home.translations" value={toTranslate} />
      {report.mail.failed.length > 0 && (
        <Line id="newsroom.home.mailFailed" value={report.mail.failed.length} tone="danger" />
      )}
      <Line id="newsroom.home.liveBuild" value={live ?? say('newsroom.home.noBuild')} />
      <Box paddingTop={2} role={site.reasons.length > 0 ? 'alert' : undefined}>
        {site.reasons.length > 0 && (
          <Typography textColor="danger700">
            {site.behindSinceOffice
              ? say('newsroom.home.behindSince', { since: site.behindSinceOffice })
              : say('newsroom.home.behind')}
          </Typography>
        )}
        {site.reasons.length === 0 && site.liveBuild && (
          <Typography textColor="success700">{say('newsroom.home.following')}</Typography>
        )}
        {site.reasons.length === 0 && !site.liveBuild && (
          <Typography textColor="neutral600">{say('newsroom.home.noBuilder')}</Typography>
        )}
      </Box>
    </Box>
  );
}
