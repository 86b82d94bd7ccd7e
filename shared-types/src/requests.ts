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

/**
 * A journalist's application for accreditation, and the accreditation it becomes: the
 * officer approves it (with its type and validity), asks for more, or refuses it; an
 * approved one can be suspended, reinstated or revoked, and lapses at its end by itself.
 */
export const ACCREDITATION_STATES = [
  'received',
  'in-progress',
  'more-info-requested',
  'approved',
  'refused',
  'suspended',
  'revoked',
  'lapsed',
] as const;
export type AccreditationState = (typeof ACCREDITATION_STATES)[number];
export const ACCREDITATION_TYPES = ['day', 'event', 'annual'] as const;
export type AccreditationType = (typeof ACCREDITATION_TYPES)[number];
export const MEDIA_ROLES = ['journalist', 'camera', 'photo'] as const;

/** The public list of accredited outlets: outlets, never people; empty unless the office publishes it. */
export interface AccreditedOutlets {
  published: boolean;
  outlets: string[];
}

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
