import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { withLease } from '../cluster/lease';
import { addDays, officeDate } from '../requests/deadlines';
import { applyStep, type Entry } from '../requests/desk';
import { ACCREDITATION_REMINDER_DAYS } from '../requests/legal-periods';

const UID = CONTENT_TYPES.accreditation.uid;
export const SYSTEM_ACTOR = 'the Office (automatic)';

/**
 * Accreditations end by themselves: one still approved or suspended after its last valid day
 * lapses, and the journalist is told; an approved one is reminded once, a week before. Runs
 * in one instance at a time (a lease) and looks in the database for what is left to do.
 */
export async function runAccreditationExpiry(strapi: Core.Strapi, now = new Date()) {
  const run = await withLease(strapi, 'accreditation-expiry', 5 * 60_000, async () => {
    const today = officeDate(now);
    const ended = (await strapi.db.query(UID).findMany({
      where: { status: { $in: ['approved', 'suspended'] }, validUntil: { $lt: today }, erasedAt: null },
    })) as Entry[];
    for (const entry of ended)
      await applyStep(
        strapi,
        'accreditation',
        entry,
        { action: 'lapse', changes: { status: 'lapsed' }, letter: 'lapse', reason: null, actor: SYSTEM_ACTOR },
        now,
      );
    const ending = (await strapi.db.query(UID).findMany({
      where: {
        status: 'approved',
        validUntil: { $gte: today, $lte: addDays(today, ACCREDITATION_REMINDER_DAYS) },
        remindedAt: null,
        erasedAt: null,
      },
    })) as Entry[];
    for (const entry of ending)
      await applyStep(
        strapi,
        'accreditation',
        entry,
        { action: 'remind', changes: { remindedAt: now }, letter: 'remind', reason: null, actor: SYSTEM_ACTOR },
        now,
      );
    return { lapsed: ended.length, reminded: ending.length };
  });
  return run.ran ? run.value : null;
}
