import { createEvents, type EventAttributes } from 'ics';
import type { AgendaItem, Locale } from '@newsroom/shared-types';
import type { Entry } from './entry';
import { absolute, itemPath } from './routes';

const parts = (iso: string): [number, number, number, number, number] => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/**
 * The agenda as iCalendar. Press conferences carry the PRESS-CONFERENCE category and the
 * kind in the title, so a newsroom's calendar shows them at a glance.
 */
export function agendaCalendar(
  items: Entry[],
  locale: Locale,
  site: string,
  labels: { calendar: string; kind: (kind: string) => string; coverage: (c: string) => string },
): string {
  const events: EventAttributes[] = (items as unknown as AgendaItem[]).map((item) => ({
    uid: `${item.documentId}-${locale}@newsroom`,
    // DTSTAMP from the item rather than the clock: the same agenda gives the same file, so a
    // rebuild does not show every event as changed (and an incremental build equals a full one).
    ...({ timestamp: Date.parse(item.updatedAt) } as object),
    start: parts(item.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    ...(item.endsAt
      ? { end: parts(item.endsAt), endInputType: 'utc' as const, endOutputType: 'utc' as const }
      : { duration: { hours: 1 } }),
    title: item.kind === 'press-conference' ? `${labels.kind(item.kind)}: ${item.title}` : String(item.title),
    location: item.place ?? undefined,
    description: [labels.coverage(item.mediaCoverage), item.accreditationNote, item.description]
      .filter(Boolean)
      .join('\n\n'),
    url: absolute(site, itemPath('agendaItem', locale, item.slug)),
    categories: [String(item.kind).toUpperCase()],
    status: item.withdrawal ? 'CANCELLED' : 'CONFIRMED',
    productId: 'newsroom/agenda',
    calName: labels.calendar,
  }));
  const { error, value } = createEvents(events, { productId: 'newsroom/agenda', calName: labels.calendar });
  if (error || !value) throw new Error(`Could not build the agenda calendar: ${error?.message ?? 'no output'}`);
  return value;
}
