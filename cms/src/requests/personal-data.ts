import type { FormKind } from '@newsroom/shared-types';

/**
 * The fields of each kind of submission that identify the person who sent it. Only the
 * roles that answer that kind may read them (bootstrap/roles.ts), and retention erases them
 * (retention.ts); everything else stays for the statistics and the disclosure log.
 */
export const PERSONAL_FIELDS: Record<FormKind, readonly string[]> = {
  documentRequest: ['name', 'email', 'phone', 'address'],
  mediaInquiry: ['name', 'email', 'phone'],
  officeMessage: ['name', 'email', 'phone'],
  accreditation: ['name', 'email', 'phone'],
};

/** What the sender wrote, which may name them or others: erased with the personal data. */
export const FREE_TEXT_FIELDS: Record<FormKind, readonly string[]> = {
  documentRequest: ['description'],
  mediaInquiry: ['question'],
  officeMessage: ['subject', 'message'],
  accreditation: ['event'],
};
