import type { Core } from '@strapi/strapi';
import { refuse } from './problems';
import { CONTENT_TYPES, sitePathProblem } from '@newsroom/shared-types';
import type { VersionRow } from './versions';

export const RETIRED_UID = CONTENT_TYPES.retiredPage.uid;

/** A redirect target is written into the web servers' configuration: only a plain path of this site. */
export function checkRedirect(data: { reason?: string; redirectTo?: string | null }) {
  const target = data.redirectTo?.trim();
  if (data.reason === 'consolidated' && !target) {
    throw refuse('redirectMissing');
  }
  const problem = target ? sitePathProblem(target) : null;
  if (problem) {
    throw refuse('redirectNotOnSite', { problem, redirectTo: target });
  }
}

/** The published rows just taken down get a retired-page record each (kept if one exists). */
export async function retire(strapi: Core.Strapi, typeKey: string, rows: VersionRow[]) {
  for (const row of rows.filter((r) => r.publishedAt && r.slug)) {
    const existing: unknown = await strapi.db
      .query(RETIRED_UID)
      .findOne({ where: { contentType: typeKey, itemDocumentId: row.documentId, pageLocale: row.locale } });
    if (existing) continue;
    await strapi.documents(RETIRED_UID).create({
      data: {
        contentType: typeKey,
        itemDocumentId: row.documentId,
        pageLocale: row.locale,
        slug: row.slug,
        reason: 'published-in-error',
        retiredAt: new Date().toISOString(),
      } as never,
    });
  }
}

/** An item published again is live again: its address is no longer retired. */
export async function unretire(strapi: Core.Strapi, typeKey: string, documentId: string, locales: string[]) {
  const rows = await strapi.db
    .query(RETIRED_UID)
    .findMany({ where: { contentType: typeKey, itemDocumentId: documentId, pageLocale: { $in: locales } } });
  for (const row of rows as Array<{ documentId: string }>)
    await strapi.documents(RETIRED_UID).delete({ documentId: row.documentId });
}
