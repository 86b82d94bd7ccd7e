import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALE_CODES, type Locale } from '@newsroom/shared-types';
import type { SeedLedger } from './store';

type Data = Record<string, unknown>;

export interface SeedItem {
  /** Stable key in the seed ledger; never shown. */
  key: string;
  /** One value for every translation: dates, numbers, media. */
  shared?: Data;
  /** The words, per locale. The default locale is always present. */
  translations: Partial<Record<Locale, Data>>;
  /** Relation fields → documentIds of targets; linked to each target's same-locale translation. */
  relations?: Record<string, string[]>;
  /** Translations left as drafts (not published); `true` leaves the whole entry a draft. */
  drafts?: Locale[] | true;
}

/**
 * Creates each item in every locale it has, links its relations per locale and
 * publishes what is not meant to stay a draft. An item already in the ledger is skipped.
 */
export async function seedDocuments(strapi: Core.Strapi, ledger: SeedLedger, uid: string, items: SeedItem[]) {
  const ids: Record<string, string> = {};
  const documents = strapi.documents(uid as never);
  for (const item of items) {
    const ledgerKey = `${uid}:${item.key}`;
    const known = ledger.get(ledgerKey);
    if (known) {
      ids[item.key] = String(known);
      continue;
    }
    const locales = LOCALE_CODES.filter((l) => item.translations[l]);
    if (locales[0] !== DEFAULT_LOCALE) throw new Error(`Seed item ${ledgerKey} lacks its ${DEFAULT_LOCALE} text`);
    let documentId = '';
    for (const locale of locales) {
      const data = {
        ...item.shared,
        ...item.translations[locale],
        ...(await linkRelations(strapi, uid, item.relations, locale)),
      };
      if (!documentId) {
        documentId = (await documents.create({ locale, data } as never)).documentId;
      } else {
        await documents.update({ documentId, locale, data } as never);
      }
    }
    const drafts = item.drafts === true ? locales : (item.drafts ?? []);
    for (const locale of locales.filter((l) => !drafts.includes(l))) {
      await documents.publish({ documentId, locale } as never);
    }
    await ledger.record(ledgerKey, documentId);
    ids[item.key] = documentId;
  }
  return ids;
}

/** Relations as Strapi 5 wants them, keeping only targets that exist in this locale. */
async function linkRelations(strapi: Core.Strapi, uid: string, relations: SeedItem['relations'], locale: Locale) {
  const linked: Data = {};
  for (const [field, documentIds] of Object.entries(relations ?? {})) {
    const attribute = strapi.contentType(uid as never).attributes[field] as { target?: string; relation?: string };
    if (!attribute?.target) throw new Error(`${uid}.${field} is not a relation`);
    const present: string[] = [];
    for (const documentId of documentIds) {
      const count = await strapi.db.query(attribute.target).count({ where: { documentId, locale } });
      if (count > 0) present.push(documentId);
    }
    const targets = present.map((documentId) => ({ documentId, locale }));
    linked[field] = attribute.relation?.endsWith('ToOne') ? (targets[0] ?? null) : { set: targets };
  }
  return linked;
}
