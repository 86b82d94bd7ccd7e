import type { Media } from './content';

/**
 * The states of the public's requests, shared by the CMS (which moves them) and the site
 * (which publishes the disclosure log and the statistics). Anchored on Alaveteli's and
 * froide's request states, narrowed to Kosovo's Law No. 06/L-081.
 */
export const ACCESS_STATES = [
  'received',
  'clarification-requested',
  'in-progress',
  'extended',
  'granted',
  'partly-granted',
  'refused',
  'not-held',
  'referred',
  'complaint',
] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

/** The decisions that close a request for documents. */
export const ACCESS_OUTCOMES = [
  'granted',
  'partly-granted',
  'refused',
  'not-held',
  'referred',
] as const satisfies readonly AccessState[];
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/** A journalist's question or a message to the office. */
export const REPLY_STATES = ['received', 'in-progress', 'answered'] as const;
export type ReplyState = (typeof REPLY_STATES)[number];

/** A request the office chose to publish, as the public sees it: never the requester. */
export interface DisclosureEntry {
  reference: string;
  summary: string;
  receivedOn: string;
  decidedOn: string;
  outcome: AccessOutcome;
  files: Array<Pick<Media, 'name' | 'url' | 'publicUrl' | 'mime' | 'ext' | 'size'>>;
}

/** One month of requests for documents, by the month they were received. */
export interface MonthStatistics {
  month: string;
  received: number;
  answered: number;
  answeredInTime: number;
  answeredLate: number;
  open: number;
  outcomes: Record<AccessOutcome, number>;
  /** Calendar days from receipt to decision, the median of the month's answered requests; null when none. */
  medianDaysToAnswer: number | null;
}

/** The open-data columns of the statistics, in order. */
export const STATISTICS_COLUMNS = [
  'month',
  'received',
  'answered',
  'answeredInTime',
  'answeredLate',
  'open',
  ...ACCESS_OUTCOMES,
  'medianDaysToAnswer',
] as const;
