import * as React from 'react';
import { Badge, Box, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useEditorialReport, type MailStatus, type SiteStatus } from './report';
import { useSay, type MessageId } from '../translations/say';
import { UID } from '../content-types';
import { TRANSLATION_TONES } from './states';

const LOCALES = ['sq', 'sr-Latn', 'en'];
const TONE: Record<string, string> = TRANSLATION_TONES;
type Say = ReturnType<typeof useSay>;

const editLink = (type: string, documentId: string, locale: string) =>
  `/admin/content-manager/collection-types/${UID[type] ?? type}/${documentId}?plugins[i18n][locale]=${locale}`;
const typeName = (say: Say, type: string) => (type in UID ? say(`newsroom.type.${type}` as MessageId) : type);

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  const say = useSay();
  return (
    <Box paddingBottom={8}>
      <Typography variant="beta" tag="h2">
        {title} ({count})
      </Typography>
      <Box paddingTop={3}>
        {count === 0 ? <Typography textColor="neutral600">{say('newsroom.desk.nothing')}</Typography> : children}
      </Box>
    </Box>
  );
}

/** A table whose rows are keyed by column id; the headers are the ids' words. */
function ItemTable({ rows, columns }: { rows: Array<Record<string, React.ReactNode>>; columns: MessageId[] }) {
  const say = useSay();
  return (
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {columns.map((c) => (
            <Th key={c}>
              <Typography variant="sigma">{LOCALES.includes(c) ? c : say(c)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, i) => (
          <Tr key={i}>
            {columns.map((c) => (
              <Td key={c}>{row[c]}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The first thing on the desk when the public site does not show what the CMS published. */
function SiteBehind({ site }: { site: SiteStatus }) {
  const say = useSay();
  if (site.reasons.length === 0) return null;
  return (
    <Box padding={4} marginBottom={6} background="danger100" borderColor="danger200" hasRadius role="alert">
      <Typography variant="delta" tag="h2" textColor="danger700">
        {site.behindSinceOffice
          ? say('newsroom.home.behindSince', { since: site.behindSinceOffice })
          : say('newsroom.home.behind')}
      </Typography>
      <Box paddingTop={2}>
        {site.reasons.map((r) => (
          <Typography key={r} tag="p" textColor="danger700">
            {r}
          </Typography>
        ))}
        <Typography tag="p" textColor="neutral700">
          {say('newsroom.desk.siteAdvice')}
        </Typography>
      </Box>
    </Box>
  );
}

/** Mail the office sent that did not arrive: a wrong address, or a relay that refused it for good. */
function MailFailures({ mail }: { mail: MailStatus }) {
  const say = useSay();
  if (mail.failed.length === 0) return null;
  return (
    <Section title={say('newsroom.desk.mailFailed')} count={mail.failed.length}>
      <ItemTable
        columns={[
          'newsroom.desk.col.to',
          'newsroom.desk.col.subject',
          'newsroom.desk.col.attempts',
          'newsroom.desk.col.why',
        ]}
        rows={mail.failed.map((m) => ({
          'newsroom.desk.col.to': m.to,
          'newsroom.desk.col.subject': m.subject,
          'newsroom.desk.col.attempts': m.attempts,
          'newsroom.desk.col.why': m.last_error ?? '',
        }))}
      />
    </Section>
  );
}

const title = (type: string, documentId: string, locale: string, text: string) => (
  <a href={editLink(type, documentId, locale)}>{text || documentId}</a>
);

/** Schedules in office time, overdue and embargoed items, and translations to do. */
export default function EditorialDesk() {
  const say = useSay();
  const { report, error } = useEditorialReport();
  const item = 'newsroom.desk.col.item';
  const type = 'newsroom.desk.col.type';
  const language = 'newsroom.desk.col.language';

  return (
    <Main>
      <Box padding={10}>
        <Typography variant="alpha" tag="h1">
          {say('newsroom.editorial-desk')}
        </Typography>
        <Box paddingTop={2} paddingBottom={6}>
          <Typography textColor="neutral600">
            {say('newsroom.desk.intro', { timeZone: report?.timeZone ?? 'Europe/Belgrade' })}
          </Typography>
        </Box>
        {error && <Typography textColor="danger600">{say('newsroom.home.error', { error })}</Typography>}
        {report && (
          <>
            <SiteBehind site={report.site} />
            <MailFailures mail={report.mail} />
            <Section title={say('newsroom.desk.overdue')} count={report.overdue.length}>
              <ItemTable
                columns={[item, type, language, 'newsroom.desk.col.wasDue', 'newsroom.desk.col.why']}
                rows={report.overdue.map((o) => ({
                  [item]: title(o.type, o.documentId, o.locale, o.title),
                  [type]: typeName(say, o.type),
                  [language]: o.locale,
                  'newsroom.desk.col.wasDue': o.publishAtOffice,
                  'newsroom.desk.col.why': o.error ?? say('newsroom.desk.notTried'),
                }))}
              />
            </Section>
            <Section title={say('newsroom.home.scheduled')} count={report.scheduled.length}>
              <ItemTable
                columns={[item, type, language, 'newsroom.desk.col.publishesAt']}
                rows={report.scheduled.map((s) => ({
                  [item]: title(s.type, s.documentId, s.locale, s.title),
                  [type]: typeName(say, s.type),
                  [language]: s.locale,
                  'newsroom.desk.col.publishesAt': s.publishAtOffice,
                }))}
              />
            </Section>
            <Section title={say('newsroom.home.embargoed')} count={report.embargoed.length}>
              <ItemTable
                columns={[item, language, 'newsroom.desk.col.embargoedUntil', 'newsroom.desk.col.state']}
                rows={report.embargoed.map((e) => ({
                  [item]: title(e.type, e.documentId, e.locale, e.title),
                  [language]: e.locale,
                  'newsroom.desk.col.embargoedUntil': e.embargoUntilOffice,
                  'newsroom.desk.col.state': e.published
                    ? say('newsroom.desk.hiddenUntil')
                    : say('newsroom.desk.draft'),
                }))}
              />
            </Section>
            <Section title={say('newsroom.home.translations')} count={report.translations.items.length}>
              <Flex gap={4} paddingBottom={3}>
                {LOCALES.map((l) => (
                  <Typography key={l}>
                    {say('newsroom.desk.translationCounts', {
                      locale: l,
                      missing: report.translations.missing[l],
                      outdated: report.translations.outdated[l],
                    })}
                  </Typography>
                ))}
              </Flex>
              <ItemTable
                columns={[item, type, ...(LOCALES as MessageId[])]}
                rows={report.translations.items.map((i) => ({
                  [item]: title(i.type, i.documentId, 'sq', i.title),
                  [type]: typeName(say, i.type),
                  ...Object.fromEntries(
                    LOCALES.map((l) => [
                      l,
                      <Badge
                        key={l}
                        active={i.locales[l] !== 'missing'}
                        backgroundColor={`${TONE[i.locales[l]]}100`}
                        textColor={`${TONE[i.locales[l]]}700`}
                      >
                        {say(`newsroom.desk.status.${i.locales[l]}` as MessageId)}
                      </Badge>,
                    ]),
                  ),
                }))}
              />
            </Section>
          </>
        )}
      </Box>
    </Main>
  );
}
