import { randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { addWorkingDays, decisionDue, officeDate } from '../requests/deadlines';
import { MEDIA_INQUIRY_WORKING_DAYS } from '../requests/legal-periods';

/** Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The date each kind of submission must be answered by (the office's calendar date). */
const SUBMISSIONS: Record<string, { prefix: string; dueDate: (registeredAt: Date) => string }> = {
  [CONTENT_TYPES.documentRequest.uid]: { prefix: 'DR', dueDate: (at) => officeDate(decisionDue({ registeredAt: at })) },
  [CONTENT_TYPES.mediaInquiry.uid]: { prefix: 'MI', dueDate: (at) => addWorkingDays(officeDate(at), MEDIA_INQUIRY_WORKING_DAYS) },
};

export function makeReference(prefix: string, now: Date): string {
  const code = Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `${prefix}-${now.getUTCFullYear()}-${code}`;
}

/**
 * What the public sends gets, on create, a reference number to quote, the status
 * "received" and the date by which the office must answer (`requests/deadlines.ts`: the
 * law's 7 days for a request for documents, 2 working days for a journalist's question);
 * the sender cannot set these.
 */
export function submissionMiddleware(strapi: Core.Strapi) {
  return async (context: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    const rule = SUBMISSIONS[context.uid];
    if (rule && context.action === 'create') {
      const params = context.params as { data?: Record<string, unknown> };
      const now = new Date();
      let reference = makeReference(rule.prefix, now);
      while ((await strapi.db.query(context.uid as never).count({ where: { reference } })) > 0) {
        reference = makeReference(rule.prefix, now);
      }
      params.data = { ...params.data, reference, status: 'received', dueDate: rule.dueDate(now), answeredAt: null };
    }
    return next();
  };
}
