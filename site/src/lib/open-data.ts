import { stringify } from 'csv-stringify/sync';
import type { Decision, Locale } from '@newsroom/shared-types';
import type { Entry } from './entry';
import { mediaUrl } from './media';
import { absolute, itemPath } from './routes';

export interface DecisionRecord {
  number: string;
  adoptedOn: string;
  meetingNumber: number | null;
  title: string;
  status: string;
  url: string;
  documents: string[];
}

/** Decisions as open data, one record per decision, in one locale. */
export function decisionRecords(decisions: Entry[], locale: Locale, site: string): DecisionRecord[] {
  return (decisions as unknown as Decision[]).map((d) => ({
    number: d.number,
    adoptedOn: d.adoptedOn,
    meetingNumber: d.meetingNumber ?? null,
    title: d.title,
    status: d.legalStatus,
    url: absolute(site, itemPath('decision', locale, d.slug)),
    documents: (d.documents ?? []).map((doc) => mediaUrl(doc, site)),
  }));
}

export function decisionsCsv(records: DecisionRecord[]): string {
  return stringify(
    records.map((r) => ({ ...r, meetingNumber: r.meetingNumber ?? '', documents: r.documents.join(' ') })),
    { header: true, columns: ['number', 'adoptedOn', 'meetingNumber', 'title', 'status', 'url', 'documents'] },
  );
}
