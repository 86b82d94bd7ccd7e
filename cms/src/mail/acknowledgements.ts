import { CONTENT_TYPES, DEFAULT_LOCALE, LOCALE_CODES, type FormKind, type Locale } from '@newsroom/shared-types';
import type { Env } from '../env';
import { endOfOfficeDay } from '../requests/deadlines';
import type { OutgoingMail } from './outbox';
import { formatDate, render, translate } from './templates';

export type SubmissionKind = FormKind;

interface Submission {
  documentId: string;
  reference: string;
  name?: string | null;
  email?: string | null;
  language?: string | null;
  dueDate: string;
}

const localeOf = (language: string | null | undefined): Locale =>
  (LOCALE_CODES as readonly string[]).includes(language ?? '') ? (language as Locale) : DEFAULT_LOCALE;

/**
 * The mail a new submission sends: the acknowledgement to the sender, in their language,
 * with the reference, the legal deadline and what happens next; and a notice to the office
 * (OFFICE_EMAIL), in the office's language. One of each per reference, however often asked.
 */
export function acknowledgements(
  kind: SubmissionKind,
  entry: Submission,
  registeredAt: Date,
  env: Pick<Env, 'OFFICE_EMAIL' | 'PUBLIC_URL' | 'HOST' | 'PORT'>,
): OutgoingMail[] {
  const mails: OutgoingMail[] = [];
  const due = endOfOfficeDay(entry.dueDate);
  const locale = localeOf(entry.language);
  if (entry.email) {
    const values = {
      name: entry.name ?? '',
      reference: entry.reference,
      registeredAt: formatDate(locale, registeredAt),
      dueDate: formatDate(locale, due),
    };
    mails.push({
      key: `${entry.reference}:acknowledgement`,
      to: entry.email,
      ...render(locale, `${kind}.subject`, `${kind}.body`, values),
    });
  }
  if (env.OFFICE_EMAIL) {
    const office = DEFAULT_LOCALE;
    const admin = env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
    const { uid } = CONTENT_TYPES[kind];
    const values = {
      kind: translate(office, `kind.${kind}`),
      reference: entry.reference,
      registeredAt: formatDate(office, registeredAt),
      dueDate: formatDate(office, due),
      language: locale,
      adminUrl: `${admin}/admin/content-manager/collection-types/${uid}/${entry.documentId}`,
    };
    mails.push({
      key: `${entry.reference}:office-notice`,
      to: env.OFFICE_EMAIL,
      ...render(office, 'officeNotice.subject', 'officeNotice.body', values),
    });
  }
  return mails;
}
