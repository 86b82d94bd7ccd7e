import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { itemPathOf, type AlertSection, type ChangeKind, type Locale } from '@newsroom/shared-types';
import type { Transaction } from '../cluster/tables';
import type { VersionRow } from '../editorial/versions';
import { CHANGES } from './tables';

/**
 * What subscribers are told of, recorded when an item is published: its first publication
 * in a language, each change note the office adds (a correction in public), its withdrawal.
 * One record per item, language and event (`key` is unique), so publishing again, or an edit
 * without a change note, records nothing. The record waits for the item's embargo.
 */
export interface PublishedVersion extends VersionRow {
  title?: string;
  summary?: string | null;
  description?: string | null;
  tagline?: string | null;
  embargoUntil?: string | null;
  sendAheadToMedia?: boolean | null;
  body?: unknown;
  withdrawal?: { explanation?: string; withdrawnAt?: string } | null;
}

interface Change {
  key: string;
  kind: ChangeKind;
  note: string | null;
}

/**
 * An item first published more than a day ago (an archive brought in, a translation of an old
 * item) is not news: publishing it alerts no one.
 */
export const ARCHIVE_AFTER_MS = 24 * 60 * 60_000;
const isArchive = (row: PublishedVersion, now: number) =>
  row.firstPublishedAt ? new Date(row.firstPublishedAt).getTime() < now - ARCHIVE_AFTER_MS : false;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The events between what was live before a publish and what is live after it, in one locale. */
export function changesBetween(
  before: PublishedVersion | undefined,
  after: PublishedVersion,
  now = Date.now(),
): Change[] {
  const base = `${after.documentId}:${after.locale}`;
  const changes: Change[] = [];
  if (!before && !after.withdrawal && !isArchive(after, now)) {
    changes.push({ key: `${base}:published`, kind: 'published', note: null });
    const embargo = after.embargoUntil ? new Date(after.embargoUntil).getTime() : 0;
    if (after.sendAheadToMedia && embargo > now) changes.push({ key: `${base}:ahead`, kind: 'embargoed', note: null });
  }
  const known = new Set((before?.changeNotes ?? []).map((n) => `${String(n.date).slice(0, 10)}:${n.text.trim()}`));
  for (const n of after.changeNotes ?? []) {
    const id = `${String(n.date).slice(0, 10)}:${n.text.trim()}`;
    if (before && !known.has(id))
      changes.push({ key: `${base}:note:${digest(id)}`, kind: 'corrected', note: n.text.trim() });
  }
  if (after.withdrawal && before && !before.withdrawal)
    changes.push({ key: `${base}:withdrawn`, kind: 'withdrawn', note: after.withdrawal.explanation ?? null });
  return changes;
}

/** Strapi blocks as plain text: paragraphs, headings and list items, one per paragraph. */
export function textOf(blocks: unknown): string {
  const text = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { text?: unknown; children?: unknown[] };
    return typeof n.text === 'string' ? n.text : (n.children ?? []).map(text).join('');
  };
  const lines = (node: unknown): string[] => {
    const n = node as { type?: string; children?: unknown[] };
    return n.type === 'list' ? (n.children ?? []).map((item) => `- ${text(item)}`) : [text(node)];
  };
  return Array.isArray(blocks)
    ? blocks
        .flatMap(lines)
        .filter((l) => l.trim() !== '')
        .join('\n\n')
    : '';
}

const summaryOf = (row: PublishedVersion) => String(row.summary ?? row.description ?? row.tagline ?? '').slice(0, 2000);

/** Records the changes a publish made (inside the publish's transaction when there is one). */
export async function recordChanges(
  strapi: Core.Strapi,
  type: string,
  before: PublishedVersion[],
  after: PublishedVersion[],
  now = Date.now(),
) {
  const rows = after.flatMap((live) => {
    const earlier = before.find((b) => b.locale === live.locale);
    const embargo = live.embargoUntil ? new Date(live.embargoUntil).getTime() : 0;
    return changesBetween(earlier, live, now).map((change) => ({
      ...change,
      // What is sent ahead goes now, with its text; everything else waits for the embargo.
      ...(change.kind === 'embargoed'
        ? { not_before: now, embargo_until: embargo, body: textOf(live.body) }
        : { not_before: Math.max(now, embargo) }),
      type,
      document_id: live.documentId,
      locale: live.locale,
      title: String(live.title ?? '').slice(0, 500),
      summary: summaryOf(live),
      path: itemPathOf(type as AlertSection, live.locale as Locale, String(live.slug ?? '')),
      created_at: now,
    }));
  });
  if (rows.length === 0) return;
  await strapi.db.transaction(({ trx }: { trx: Transaction }) => trx(CHANGES).insert(rows).onConflict('key').ignore());
}
