import type { Core } from '@strapi/strapi';
import { EDITORIAL_UIDS, EMBARGO_UIDS, formatOfficeTime } from '@newsroom/shared-types';
import { typeKeyOf } from './versions';
import { withLease } from '../cluster/lease';

const isBusy = (error: unknown) =>
  (error as { code?: string }).code === 'SQLITE_BUSY' || /database is locked/.test((error as Error).message);

/** An item still unpublished this long after its time is overdue: listed, never skipped. */
export const OVERDUE_AFTER_MS = 5 * 60_000;

export interface ScheduledVersion {
  uid: string;
  type: string;
  documentId: string;
  locale: string;
  title: string;
  publishAt: string;
  /** Why the last attempt failed (a required field missing in this locale, …). */
  error?: string;
}

export interface ScheduleRun {
  published: ScheduledVersion[];
  overdue: ScheduledVersion[];
  embargoesLifted: Array<{ uid: string; documentId: string; locale: string }>;
}

type Row = {
  id: number;
  documentId: string;
  locale: string;
  title?: string;
  name?: string;
  publishAt: string;
  firstPublishedAt: string | null;
  publishedAt: string | null;
};

const ms = (d: string | null | undefined) => (d ? new Date(d).getTime() : -Infinity);
const STORE = { type: 'plugin', name: 'newsroom', key: 'schedule' } as const;
const ERRORS = { type: 'plugin', name: 'newsroom', key: 'schedule-errors' } as const;

/** The last publish error per `documentId:locale`, for the editorial desk: in the database, shared by every instance. */
export async function scheduleErrors(strapi: Core.Strapi): Promise<Map<string, string>> {
  return new Map(Object.entries(((await strapi.store(ERRORS).get({})) as Record<string, string> | null) ?? {}));
}

/** A run holds the lease at most this long; a crashed holder's lease frees itself after it. */
const LEASE_MS = 5 * 60_000;

/** The cron's run: in one instance at a time (see cluster/lease.ts); the others skip this tick. */
export async function runScheduleOnce(strapi: Core.Strapi, now?: Date): Promise<ScheduleRun | null> {
  const run = await withLease(strapi, 'editorial-schedule', LEASE_MS, () => runSchedule(strapi, now ?? new Date()));
  return run.ran ? run.value : null;
}

/**
 * The draft locales whose time has come and that were not published since: a locale
 * published at or after its `publishAt` (and perhaps unpublished by an editor since) is done.
 */
export async function dueVersions(strapi: Core.Strapi, uid: string, now: Date): Promise<ScheduledVersion[]> {
  const drafts = (await strapi.db.query(uid).findMany({
    where: { publishedAt: null, publishAt: { $notNull: true, $lte: now.toISOString() } },
  })) as Row[];
  if (drafts.length === 0) return [];
  const live = (await strapi.db.query(uid).findMany({
    where: { documentId: { $in: drafts.map((d) => d.documentId) }, publishedAt: { $notNull: true } },
    select: ['documentId', 'locale', 'publishedAt'],
  })) as Row[];
  const lastPublished = new Map(live.map((r) => [`${r.documentId}:${r.locale}`, r.publishedAt]));
  return drafts
    .filter(
      (d) => Math.max(ms(d.firstPublishedAt), ms(lastPublished.get(`${d.documentId}:${d.locale}`))) < ms(d.publishAt),
    )
    .map((d) => ({
      uid,
      type: typeKeyOf(uid) ?? uid,
      documentId: d.documentId,
      locale: d.locale,
      title: String(d.title ?? d.name ?? ''),
      publishAt: new Date(d.publishAt).toISOString(),
    }));
}

/**
 * What the cron does every few seconds: publish every locale that is due and ready (the
 * publish goes out through the normal webhook), report the ones that cannot be published
 * as overdue once they are 5 minutes late, and ask for a rebuild when an embargo ends.
 */
export async function runSchedule(strapi: Core.Strapi, now: Date = new Date()): Promise<ScheduleRun> {
  const run: ScheduleRun = { published: [], overdue: [], embargoesLifted: [] };
  const errors = await scheduleErrors(strapi);
  const errorsBefore = JSON.stringify([...errors]);
  for (const uid of EDITORIAL_UIDS) {
    for (const due of await dueVersions(strapi, uid, now)) {
      try {
        await strapi.documents(uid as never).publish({ documentId: due.documentId, locale: due.locale } as never);
        run.published.push(due);
        errors.delete(`${due.documentId}:${due.locale}`);
        strapi.log.info(
          `Scheduled publish: ${due.type} "${due.title}" (${due.locale}), due ${formatOfficeTime(due.publishAt)}`,
        );
      } catch (error) {
        // SQLite refuses a writer that would deadlock with another instance's: the publish was
        // undone whole and the next tick tries again. It is not the editor's to fix.
        if (isBusy(error)) continue;
        errors.set(`${due.documentId}:${due.locale}`, (error as Error).message);
        if (now.getTime() - ms(due.publishAt) > OVERDUE_AFTER_MS)
          run.overdue.push({ ...due, error: (error as Error).message });
      }
    }
  }
  if (JSON.stringify([...errors]) !== errorsBefore)
    await strapi.store(ERRORS).set({ value: Object.fromEntries(errors) });
  for (const o of run.overdue) {
    strapi.log.warn(
      `OVERDUE: ${o.type} "${o.title}" (${o.locale}) was due ${formatOfficeTime(o.publishAt)} and is not published: ${o.error}`,
    );
  }
  run.embargoesLifted = await liftEmbargoes(strapi, now);
  return run;
}

/** Published items whose embargo ended since the last run: the site is rebuilt for them. */
async function liftEmbargoes(strapi: Core.Strapi, now: Date) {
  const store = strapi.store(STORE);
  const state = ((await store.get({})) as { embargoCheckedAt?: string } | null) ?? {};
  const since = state.embargoCheckedAt ?? new Date(now.getTime() - 60_000).toISOString();
  const lifted: ScheduleRun['embargoesLifted'] = [];
  for (const uid of EMBARGO_UIDS) {
    const rows = (await strapi.db.query(uid).findMany({
      where: { publishedAt: { $notNull: true }, embargoUntil: { $gt: since, $lte: now.toISOString() } },
      select: ['id', 'documentId', 'locale', 'embargoUntil'],
    })) as Row[];
    for (const row of rows) {
      lifted.push({ uid, documentId: row.documentId, locale: row.locale });
      const model = strapi.getModel(uid as never) as { info: { singularName: string } };
      void strapi.eventHub.emit('entry.publish', {
        model: model.info.singularName,
        uid,
        entry: { id: row.id, documentId: row.documentId, locale: row.locale },
      });
    }
  }
  if (ms(state.embargoCheckedAt) < now.getTime())
    await store.set({ value: { ...state, embargoCheckedAt: now.toISOString() } });
  return lifted;
}
