import { randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { addWorkingDays, decisionDue, endOfOfficeDay, officeDate } from '../requests/deadlines';
import { record } from '../requests/history';
import { INTAKE } from '../requests/intake';
import {
  ACCREDITATION_WORKING_DAYS,
  MEDIA_INQUIRY_WORKING_DAYS,
  OFFICE_MESSAGE_WORKING_DAYS,
} from '../requests/legal-periods';
import { acknowledgements, type SubmissionKind } from '../mail/acknowledgements';
import { enqueue } from '../mail/outbox';
import { loadEnv } from '../env';
import type { Transaction } from '../cluster/tables';

/** Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The date each kind of submission must be answered by (the office's calendar date). */
const SUBMISSIONS: Record<string, { kind: SubmissionKind; prefix: string; dueDate: (registeredAt: Date) => string }> = {
  [CONTENT_TYPES.documentRequest.uid]: {
    kind: 'documentRequest',
    prefix: 'DR',
    dueDate: (at) => officeDate(decisionDue({ registeredAt: at })),
  },
  [CONTENT_TYPES.mediaInquiry.uid]: {
    kind: 'mediaInquiry',
    prefix: 'MI',
    dueDate: (at) => addWorkingDays(officeDate(at), MEDIA_INQUIRY_WORKING_DAYS),
  },
  [CONTENT_TYPES.officeMessage.uid]: {
    kind: 'officeMessage',
    prefix: 'OM',
    dueDate: (at) => addWorkingDays(officeDate(at), OFFICE_MESSAGE_WORKING_DAYS),
  },
  [CONTENT_TYPES.accreditation.uid]: {
    kind: 'accreditation',
    prefix: 'AC',
    dueDate: (at) => addWorkingDays(officeDate(at), ACCREDITATION_WORKING_DAYS),
  },
};

export function makeReference(prefix: string, now: Date): string {
  const code = Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `${prefix}-${now.getUTCFullYear()}-${code}`;
}

/**
 * What the public sends gets, on create, a reference number to quote, the status
 * "received" and the date by which the office must answer (`requests/deadlines.ts`: the
 * law's 7 days for a request for documents, 2 working days for a journalist's question);
 * the sender cannot set these. The acknowledgements go to the outbox with it (mail/).
 */
export function submissionMiddleware(strapi: Core.Strapi) {
  return async (context: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    const rule = SUBMISSIONS[context.uid];
    if (rule && context.action === 'create') {
      const params = context.params as { data?: Record<string, unknown> };
      const now = new Date();
      let reference = makeReference(rule.prefix, now);
      while ((await strapi.db.query(context.uid).count({ where: { reference } })) > 0) {
        reference = makeReference(rule.prefix, now);
      }
      const dueDate = rule.dueDate(now);
      params.data = {
        ...params.data,
        reference,
        status: 'received',
        dueDate,
        dueAt: endOfOfficeDay(dueDate),
        answeredAt: null,
      };
      // The acknowledgements and the first line of its history are written with the submission, in one transaction: all or none.
      return strapi.db.transaction(async ({ trx }: { trx: Transaction }) => {
        const created = (await next()) as Parameters<typeof acknowledgements>[1];
        await record(strapi.db.connection, trx, {
          uid: context.uid,
          documentId: created.documentId,
          reference,
          action: INTAKE.action,
          from: 'received',
          to: 'received',
          actor: INTAKE.actor,
          reason: null,
          at: now,
        });
        await enqueue(strapi, acknowledgements(rule.kind, created, now, loadEnv()), trx);
        return created;
      });
    }
    return next();
  };
}
