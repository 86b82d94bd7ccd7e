import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { OUTBOX } from '../mail/outbox';
import { KEYS } from '../intake/guard';
import { dropAttachments } from './attachments';
import { KINDS } from './desk';
import { FREE_TEXT_FIELDS, PERSONAL_FIELDS } from './personal-data';
import { CLOSED } from './process';

/** How long the personal data of a closed submission is kept, unless RETENTION_MONTHS says otherwise. */
export const DEFAULT_RETENTION_MONTHS = 24;

const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/**
 * Erases who sent each submission answered more than `months` ago, what they wrote, their
 * files and the mail to them; keeps the anonymous record (kind, dates, states, outcome, the
 * office's own answer and its disclosure-log entry) for the statistics. Returns how many.
 */
export async function eraseExpired(strapi: Core.Strapi, months: number, now = new Date()): Promise<number> {
  const before = monthsBefore(now, months);
  const knex = strapi.db.connection;
  let erased = 0;
  for (const kind of KINDS) {
    const uid = CONTENT_TYPES[kind].uid;
    const due = (await strapi.db.query(uid).findMany({
      where: { erasedAt: { $null: true }, status: { $in: CLOSED }, answeredAt: { $lt: before } },
      select: ['id', 'documentId', 'reference'],
    })) as Array<{ id: number; documentId: string; reference: string }>;
    for (const entry of due) {
      const blank = Object.fromEntries(
        [...PERSONAL_FIELDS[kind], ...FREE_TEXT_FIELDS[kind]].map((field) => [field, null]),
      );
      await strapi.db.query(uid).update({ where: { id: entry.id }, data: { ...blank, erasedAt: now } as never });
      await knex(OUTBOX).where('key', 'like', `${entry.reference}:%`).del();
      await knex(KEYS).where('reference', entry.reference).del();
      await dropAttachments(knex, entry.documentId);
      erased += 1;
    }
  }
  if (erased > 0)
    strapi.log.info(
      `Retention: erased the personal data of ${erased} submissions answered before ${before.toISOString().slice(0, 10)}`,
    );
  return erased;
}
