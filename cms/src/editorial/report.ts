import type { Core } from '@strapi/strapi';
import {
  CONTENT_TYPES,
  DEFAULT_LOCALE,
  EDITORIAL_UIDS,
  EMBARGO_UIDS,
  LOCALE_CODES,
  OFFICE_TIME_ZONE,
  formatOfficeTime,
} from '@newsroom/shared-types';
import { dueVersions, OVERDUE_AFTER_MS, type ScheduledVersion } from './schedule';
import { typeKeyOf } from './versions';

/** missing: no translation; draft: never published; published: live and current;
 *  modified: live with unpublished changes; outdated: the source changed after it. */
export type TranslationState = 'missing' | 'draft' | 'published' | 'modified' | 'outdated';

type Row = {
  documentId: string;
  locale: string;
  title?: string;
  name?: string;
  updatedAt: string;
  publishedAt: string | null;
  publishAt?: string | null;
  embargoUntil?: string | null;
};

const withOfficeTime = <T extends { publishAt: string }>(v: T) => ({
  ...v,
  publishAtOffice: formatOfficeTime(v.publishAt),
});
const TRANSLATED_UIDS = Object.values(CONTENT_TYPES)
  .filter((t) => t.localized && 'sections' in t)
  .map((t) => t.uid);

/** The state of each locale of one document, the default locale being the source. */
export function translationStates(rows: Row[]): Record<string, TranslationState> {
  const draftOf = (l: string) => rows.find((r) => r.locale === l && !r.publishedAt);
  const liveOf = (l: string) => rows.find((r) => r.locale === l && r.publishedAt);
  const source = draftOf(DEFAULT_LOCALE);
  return Object.fromEntries(
    LOCALE_CODES.map((locale) => {
      const draft = draftOf(locale);
      const live = liveOf(locale);
      if (!draft && !live) return [locale, 'missing'];
      if (locale !== DEFAULT_LOCALE && source && draft && source.updatedAt > draft.updatedAt)
        return [locale, 'outdated'];
      if (!live) return [locale, 'draft'];
      return [locale, draft && draft.updatedAt > live.updatedAt ? 'modified' : 'published'];
    }),
  );
}

async function translationReport(strapi: Core.Strapi) {
  const items: Array<{ type: string; documentId: string; title: string; locales: Record<string, TranslationState> }> =
    [];
  for (const uid of TRANSLATED_UIDS) {
    const rows = (await strapi.db
      .query(uid)
      .findMany({ select: ['documentId', 'locale', 'updatedAt', 'publishedAt', titleField(strapi, uid)] })) as Row[];
    const byDocument = new Map<string, Row[]>();
    for (const r of rows) byDocument.set(r.documentId, [...(byDocument.get(r.documentId) ?? []), r]);
    for (const [documentId, versions] of byDocument) {
      const locales = translationStates(versions);
      if (Object.values(locales).every((s) => s === 'published')) continue;
      const named = versions.find((v) => v.locale === DEFAULT_LOCALE) ?? versions[0];
      items.push({ type: typeKeyOf(uid) ?? uid, documentId, title: String(named.title ?? named.name ?? ''), locales });
    }
  }
  const missing = Object.fromEntries(
    LOCALE_CODES.map((l) => [l, items.filter((i) => i.locales[l] === 'missing').length]),
  );
  const outdated = Object.fromEntries(
    LOCALE_CODES.map((l) => [l, items.filter((i) => i.locales[l] === 'outdated').length]),
  );
  return { items, missing, outdated };
}

const titleField = (strapi: Core.Strapi, uid: string) =>
  'title' in ((strapi.getModel(uid as never) as { attributes?: Record<string, unknown> } | undefined)?.attributes ?? {})
    ? 'title'
    : 'name';

/** What the editorial desk page shows: schedules in office time, overdue, embargoes, translations. */
export async function editorialReport(strapi: Core.Strapi, now: Date, lastErrors: Map<string, string>) {
  const scheduled: ScheduledVersion[] = [];
  const overdue: ScheduledVersion[] = [];
  const embargoed: Array<{
    type: string;
    documentId: string;
    locale: string;
    title: string;
    embargoUntil: string;
    embargoUntilOffice: string;
    published: boolean;
  }> = [];
  for (const uid of EDITORIAL_UIDS) {
    const upcoming = (await strapi.db.query(uid).findMany({
      where: { publishedAt: null, publishAt: { $gt: now.toISOString() } },
      orderBy: { publishAt: 'asc' },
    })) as Row[];
    scheduled.push(
      ...upcoming.map((r) => ({
        uid,
        type: typeKeyOf(uid) ?? uid,
        documentId: r.documentId,
        locale: r.locale,
        title: String(r.title ?? r.name ?? ''),
        publishAt: new Date(String(r.publishAt)).toISOString(),
      })),
    );
    for (const due of await dueVersions(strapi, uid, now)) {
      if (now.getTime() - new Date(due.publishAt).getTime() > OVERDUE_AFTER_MS)
        overdue.push({ ...due, error: lastErrors.get(`${due.documentId}:${due.locale}`) });
    }
  }
  for (const uid of EMBARGO_UIDS) {
    const rows = (await strapi.db
      .query(uid)
      .findMany({ where: { embargoUntil: { $gt: now.toISOString() } } })) as Row[];
    for (const r of rows) {
      embargoed.push({
        type: typeKeyOf(uid) ?? uid,
        documentId: r.documentId,
        locale: r.locale,
        title: String(r.title ?? ''),
        embargoUntil: String(r.embargoUntil),
        embargoUntilOffice: formatOfficeTime(String(r.embargoUntil)),
        published: Boolean(r.publishedAt),
      });
    }
  }
  return {
    generatedAt: now.toISOString(),
    timeZone: OFFICE_TIME_ZONE,
    scheduled: scheduled.map(withOfficeTime),
    overdue: overdue.map(withOfficeTime),
    embargoed,
    translations: await translationReport(strapi),
  };
}
