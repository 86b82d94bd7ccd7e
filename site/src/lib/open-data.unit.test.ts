import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { decisionRecords, decisionsCsv } from './open-data';
import { agendaCalendar } from './calendar';
import type { Entry } from './entry';

const decision = {
  documentId: 'd1',
  locale: 'en',
  number: '01/118',
  adoptedOn: '2026-11-27',
  meetingNumber: 118,
  title: 'Decision, with "quotes"',
  slug: 'decision-with-quotes',
  legalStatus: 'in-force',
  documents: [
    { url: '/uploads/a.pdf', publicUrl: '/media/0123456789abcdef/a.pdf' },
    { url: 'https://bucket.example/b.pdf' },
  ],
} as unknown as Entry;

describe('decisions as open data', () => {
  it('list number, date, title, status, page and documents', () => {
    expect(decisionRecords([decision], 'en', 'https://site.example')).toEqual([
      {
        number: '01/118',
        adoptedOn: '2026-11-27',
        meetingNumber: 118,
        title: 'Decision, with "quotes"',
        status: 'in-force',
        url: 'https://site.example/en/decisions/decision-with-quotes/',
        documents: ['https://site.example/media/0123456789abcdef/a.pdf', 'https://bucket.example/b.pdf'],
      },
    ]);
  });

  it('write CSV that a spreadsheet reads back intact', () => {
    const csv = decisionsCsv(decisionRecords([decision], 'en', 'https://site.example'));
    const [row] = parse<Record<string, string>>(csv, { columns: true });
    expect(row.title).toBe('Decision, with "quotes"');
    expect(row.documents.split(' ')).toHaveLength(2);
  });
});

describe('the agenda calendar', () => {
  const item = (kind: string, startsAt: string) =>
    ({
      documentId: kind,
      locale: 'en',
      title: `A ${kind}`,
      slug: kind,
      startsAt,
      endsAt: null,
      kind,
      mediaCoverage: 'open',
      place: 'Prishtina',
      updatedAt: '2026-11-20T08:30:00.000Z',
    }) as unknown as Entry;
  const labels = {
    calendar: 'Agenda',
    kind: (k: string) => (k === 'press-conference' ? 'Press conference' : k),
    coverage: (c: string) => c,
  };

  it('marks press conferences in the title and category', () => {
    const ics = agendaCalendar(
      [item('press-conference', '2026-12-01T11:00:00.000Z'), item('meeting', '2026-12-02T09:00:00.000Z')],
      'en',
      'https://site.example',
      labels,
    );
    expect(ics).toContain('SUMMARY:Press conference: A press-conference');
    expect(ics).toContain('CATEGORIES:PRESS-CONFERENCE');
    expect(ics).toContain('DTSTART:20261201T110000Z');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('stamps each event with the time its item last changed, so the same agenda gives the same file', () => {
    const ics = agendaCalendar([item('meeting', '2026-12-02T09:00:00.000Z')], 'en', 'https://site.example', labels);
    expect(ics).toContain('DTSTAMP:20261120T083000Z');
  });
});
