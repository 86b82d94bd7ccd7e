import * as React from 'react';
import { Badge, Box, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useEditorialReport, type MailStatus, type SiteStatus } from './report';

const UID: Record<string, string> = {
  release: 'api::release.release', speech: 'api::speech.speech', statement: 'api::statement.statement', decision: 'api::decision.decision',
  gallery: 'api::gallery.gallery', campaign: 'api::campaign.campaign', agendaItem: 'api::agenda-item.agenda-item', person: 'api::person.person',
  tag: 'api::tag.tag', page: 'api::page.page',
};
const LOCALES = ['sq', 'sr-Latn', 'en'];
const TONE: Record<string, 'success' | 'secondary' | 'warning' | 'danger' | 'neutral'> = {
  published: 'success', modified: 'secondary', draft: 'neutral', outdated: 'warning', missing: 'danger',
};

const editLink = (type: string, documentId: string, locale: string) =>
  `/admin/content-manager/collection-types/${UID[type] ?? type}/${documentId}?plugins[i18n][locale]=${locale}`;

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <Box paddingBottom={8}>
      <Typography variant="beta" tag="h2">{title} ({count})</Typography>
      <Box paddingTop={3}>{count === 0 ? <Typography textColor="neutral600">Nothing here.</Typography> : children}</Box>
    </Box>
  );
}

function ItemTable({ rows, columns }: { rows: Array<Record<string, React.ReactNode>>; columns: string[] }) {
  return (
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>{columns.map((c) => <Th key={c}><Typography variant="sigma">{c}</Typography></Th>)}</Tr>
      </Thead>
      <Tbody>
        {rows.map((row, i) => <Tr key={i}>{columns.map((c) => <Td key={c}>{row[c]}</Td>)}</Tr>)}
      </Tbody>
    </Table>
  );
}

/** The first thing on the desk when the public site does not show what the CMS published. */
function SiteBehind({ site }: { site: SiteStatus }) {
  if (site.reasons.length === 0) return null;
  return (
    <Box padding={4} marginBottom={6} background="danger100" borderColor="danger200" hasRadius role="alert">
      <Typography variant="delta" tag="h2" textColor="danger700">
        {site.behindSinceOffice ? `The site is behind the CMS since ${site.behindSinceOffice}` : 'The site may not follow the CMS'}
      </Typography>
      <Box paddingTop={2}>
        {site.reasons.map((r) => <Typography key={r} tag="p" textColor="danger700">{r}</Typography>)}
        <Typography tag="p" textColor="neutral700">The builder checks the CMS every few minutes and rebuilds by itself; tell the administrator if this stays.</Typography>
      </Box>
    </Box>
  );
}

/** Mail the office sent that did not arrive: a wrong address, or a relay that refused it for good. */
function MailFailures({ mail }: { mail: MailStatus }) {
  if (mail.failed.length === 0) return null;
  return (
    <Section title="Mail that could not be sent" count={mail.failed.length}>
      <ItemTable columns={['To', 'Subject', 'Attempts', 'Why']} rows={mail.failed.map((m) => ({ To: m.to, Subject: m.subject, Attempts: m.attempts, Why: m.last_error ?? '' }))} />
    </Section>
  );
}

const title = (type: string, documentId: string, locale: string, text: string) => <a href={editLink(type, documentId, locale)}>{text || documentId}</a>;

/** Schedules in office time, overdue and embargoed items, and translations to do. */
export default function EditorialDesk() {
  const { report, error } = useEditorialReport();

  return (
    <Main>
      <Box padding={10}>
        <Typography variant="alpha" tag="h1">Editorial desk</Typography>
        <Box paddingTop={2} paddingBottom={6}>
          <Typography textColor="neutral600">All times in the office’s time zone ({report?.timeZone ?? 'Europe/Belgrade'}). Scheduled items are published within a minute of their time.</Typography>
        </Box>
        {error && <Typography textColor="danger600">Could not load the desk: {error}</Typography>}
        {report && (
          <>
            <SiteBehind site={report.site} />
            <MailFailures mail={report.mail} />
            <Section title="Overdue: not published 5 minutes after their time" count={report.overdue.length}>
              <ItemTable columns={['Item', 'Type', 'Language', 'Was due', 'Why']} rows={report.overdue.map((o) => ({
                Item: title(o.type, o.documentId, o.locale, o.title), Type: o.type, Language: o.locale, 'Was due': o.publishAtOffice, Why: o.error ?? 'Not yet tried',
              }))} />
            </Section>
            <Section title="Scheduled" count={report.scheduled.length}>
              <ItemTable columns={['Item', 'Type', 'Language', 'Publishes at']} rows={report.scheduled.map((s) => ({
                Item: title(s.type, s.documentId, s.locale, s.title), Type: s.type, Language: s.locale, 'Publishes at': s.publishAtOffice,
              }))} />
            </Section>
            <Section title="Under embargo" count={report.embargoed.length}>
              <ItemTable columns={['Item', 'Language', 'Embargoed until', 'State']} rows={report.embargoed.map((e) => ({
                Item: title(e.type, e.documentId, e.locale, e.title), Language: e.locale, 'Embargoed until': e.embargoUntilOffice,
                State: e.published ? 'Published, hidden until then' : 'Draft',
              }))} />
            </Section>
            <Section title="Translations to do" count={report.translations.items.length}>
              <Flex gap={4} paddingBottom={3}>
                {LOCALES.map((l) => <Typography key={l}>{l}: {report.translations.missing[l]} missing, {report.translations.outdated[l]} out of date</Typography>)}
              </Flex>
              <ItemTable columns={['Item', 'Type', ...LOCALES]} rows={report.translations.items.map((i) => ({
                Item: title(i.type, i.documentId, 'sq', i.title), Type: i.type,
                ...Object.fromEntries(LOCALES.map((l) => [l, <Badge key={l} active={i.locales[l] !== 'missing'} backgroundColor={`${TONE[i.locales[l]]}100`} textColor={`${TONE[i.locales[l]]}700`}>{i.locales[l]}</Badge>])),
              }))} />
            </Section>
          </>
        )}
      </Box>
    </Main>
  );
}
