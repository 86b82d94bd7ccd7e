import { randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';

/** Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const SUBMISSIONS: Record<string, { prefix: string; workingDays: number }> = {
  [CONTENT_TYPES.documentRequest.uid]: { prefix: 'DR', workingDays: 7 },
  [CONTENT_TYPES.mediaInquiry.uid]: { prefix: 'MI', workingDays: 2 },
};

/** `date` plus `days` working days (Monday to Friday), as an ISO date. */
export function addWorkingDays(date: Date, days: number): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

export function makeReference(prefix: string, now: Date): string {
  const code = Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `${prefix}-${now.getUTCFullYear()}-${code}`;
}

/**
 * What the public sends gets, on create, a reference number to quote, the status
 * "received" and the date by which the office must answer; the sender cannot set these.
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
      params.data = { ...params.data, reference, status: 'received', dueDate: addWorkingDays(now, rule.workingDays), answeredAt: null };
    }
    return next();
  };
}
