import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, LOCALE_CODES } from '@newsroom/shared-types';
import type { Transaction } from '../cluster/tables';
import { officeDate } from '../requests/deadlines';
import { SUBSCRIBERS, SUBSCRIPTIONS } from '../alerts/tables';

/**
 * The media list: accredited journalists receive embargoed releases ahead of time, in the
 * languages they asked for. It is kept as alert subscriptions to this topic, which the
 * public cannot subscribe to (shared-types' `isAlertTopic` refuses it), so sending ahead
 * uses the alerts' delivery rows: once per journalist, never twice, suppressed on a bounce.
 */
export const MEDIA_TOPIC = 'media:embargoed';

interface Accreditation {
  status: string;
  validUntil: string | null;
  languages: unknown;
}

/** The languages an address is accredited for today: from every approved accreditation of it still valid. */
export function accreditedLanguages(accreditations: Accreditation[], today: string): Set<string> {
  const languages = new Set<string>();
  for (const a of accreditations)
    if (a.status === 'approved' && a.validUntil && a.validUntil >= today && Array.isArray(a.languages))
      for (const l of a.languages) if ((LOCALE_CODES as readonly unknown[]).includes(l)) languages.add(String(l));
  return languages;
}

/**
 * Makes the media list match an address's accreditations, inside the transaction that
 * changed one: on the list in each language it is accredited for, off it in the others.
 */
export async function syncMediaList(strapi: Core.Strapi, trx: Transaction, email: string, now: Date) {
  if (!email) return;
  const address = email.toLowerCase();
  const accreditations = (await strapi.db.query(CONTENT_TYPES.accreditation.uid).findMany({
    where: { email: { $eqi: address }, erasedAt: null },
    select: ['status', 'validUntil', 'languages'],
  })) as Accreditation[];
  const wanted = accreditedLanguages(accreditations, officeDate(now));
  for (const locale of LOCALE_CODES) {
    const find = () =>
      trx<{ id: number; email: string; locale: string }>(SUBSCRIBERS).where({ email: address, locale }).first('id');
    let subscriber = await find();
    if (!wanted.has(locale)) {
      if (subscriber) await trx(SUBSCRIPTIONS).where({ subscriber_id: subscriber.id, topic: MEDIA_TOPIC }).del();
      continue;
    }
    if (!subscriber) {
      // The accreditation is the journalist's consent to this mail, and the officer checked the address.
      await trx(SUBSCRIBERS).insert({
        email: address,
        locale,
        token: randomBytes(32).toString('base64url'),
        confirmed_at: now.getTime(),
        created_at: now.getTime(),
      });
      subscriber = (await find())!;
    } else
      await trx(SUBSCRIBERS)
        .where({ id: subscriber.id })
        .whereNull('confirmed_at')
        .update({ confirmed_at: now.getTime() });
    await trx(SUBSCRIPTIONS)
      .insert({ subscriber_id: subscriber.id, topic: MEDIA_TOPIC, frequency: 'immediate' })
      .onConflict(['subscriber_id', 'topic'])
      .ignore();
  }
}
