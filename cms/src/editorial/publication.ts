import type { Core } from '@strapi/strapi';
import { ALERT_SECTIONS, EDITORIAL_UIDS, OFFICE_TIME_ZONE } from '@newsroom/shared-types';
import { checkChangeNotes } from './change-notes';
import { checkRedirect, retire, RETIRED_UID, unretire } from './retired-pages';
import { localesOf, typeKeyOf, versions } from './versions';
import type { Transaction } from '../cluster/tables';
import { recordChanges } from '../alerts/changes';

type Context = {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
};

/** What an alert says of a version: its change notes and withdrawal. */
const ALERT_FIELDS = { changeNotes: true, withdrawal: true } as const;

const officeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE }).format(new Date());

/**
 * What publishing means for the office, on every path (admin, cron, scripts):
 * - publishing checks the change-note rules and stamps `firstPublishedAt` once per locale;
 * - an item published again takes its address back from the retired pages;
 * - unpublishing or deleting a published item records its address as retired (410 Gone,
 *   or a redirect the editor sets when it was consolidated into another).
 */
export function publicationMiddleware(strapi: Core.Strapi) {
  return async (context: Context, next: () => Promise<unknown>) => {
    const { uid, action, params } = context;
    if (uid === RETIRED_UID && (action === 'create' || action === 'update') && params.data) {
      const current = params.documentId
        ? ((await strapi.db.query(RETIRED_UID).findOne({ where: { documentId: params.documentId } })) as object | null)
        : null;
      checkRedirect({ ...(current ?? {}), ...params.data });
      return next();
    }
    const typeKey = typeKeyOf(uid);
    if (!typeKey || !(EDITORIAL_UIDS as readonly string[]).includes(uid) || !params.documentId) return next();
    const locales = localesOf(params.locale);
    if (action === 'publish') {
      const followed = (ALERT_SECTIONS as readonly string[]).includes(typeKey);
      const live = async () =>
        followed
          ? (await versions(strapi, uid, params.documentId, locales, ALERT_FIELDS)).filter((r) => r.publishedAt)
          : [];
      // One transaction: a publish that fails (a database busy with another instance) leaves
      // no first-publication stamp behind, which would tell the schedule it was done.
      return strapi.db.transaction(async () => {
        const before = await live();
        await beforePublish(strapi, uid, params.documentId, locales);
        const result = await next();
        await unretire(strapi, typeKey, params.documentId, locales);
        if (followed) await recordChanges(strapi, typeKey, before, await live());
        return result;
      });
    }
    if (action === 'unpublish' || action === 'delete') {
      const rows = (await versions(strapi, uid, params.documentId, locales)).filter((r) => r.publishedAt);
      const result = await next();
      await retire(strapi, typeKey, rows);
      return result;
    }
    return next();
  };
}

async function beforePublish(strapi: Core.Strapi, uid: string, documentId: string, locales: string[]) {
  const rows = await versions(strapi, uid, documentId, locales, { changeNotes: true });
  const now = new Date().toISOString();
  for (const draft of rows.filter((r) => !r.publishedAt)) {
    const published = rows.find((r) => r.publishedAt && r.locale === draft.locale);
    checkChangeNotes(draft.locale, draft.changeNotes ?? [], published?.changeNotes, officeToday());
    const first = draft.firstPublishedAt ?? published?.firstPublishedAt ?? published?.publishedAt ?? now;
    if (draft.firstPublishedAt !== first) {
      // Straight to the row: the query engine would move updatedAt, and stamping is not an
      // edit (translations are compared with their source by updatedAt).
      const meta = strapi.db.metadata.get(uid) as unknown as {
        tableName: string;
        attributes: { firstPublishedAt: { columnName: string } };
      };
      // Inside the caller's transaction when there is one: SQLite would otherwise wait on it.
      await strapi.db.transaction(({ trx }: { trx: Transaction }) =>
        trx(meta.tableName)
          .where('id', draft.id)
          .update({ [meta.attributes.firstPublishedAt.columnName]: new Date(first) }),
      );
    }
  }
}
