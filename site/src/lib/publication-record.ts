import {
  canonicalJson,
  CONTENT_TYPES,
  normaliseText,
  RECORD_FORMAT,
  RECORD_FILE,
  type ChangeNote,
  type Locale,
  type Media,
  type PublicationRecord,
  type RecordFile,
  type Withdrawal,
} from '@newsroom/shared-types';
import crypto from 'node:crypto';
import { config } from '../config';
import { blocksToText } from './blocks';
import { dateOf, type Entry } from './entry';
import { absolute, itemPath, PAGE_TYPES, type PageType } from './routes';

/** The office's items, whose every version is signed and logged: the types it corrects in public. */
export const SIGNED_TYPES = PAGE_TYPES.filter((k) =>
  (CONTENT_TYPES[k].shared as readonly string[]).includes('publishAt'),
);

export const recordPath = (type: PageType, locale: Locale, slug: string) =>
  `${itemPath(type, locale, slug)}${RECORD_FILE}`;

const fileOf = (media: Media): RecordFile => ({
  name: media.name,
  url: absolute(config.SITE_URL, media.publicUrl ?? media.url),
  sha256: media.sha256 ?? null,
});

/** The words of an item as readers copy them: its body, or where it has none, its description or summary. */
function textOf(entry: Entry): string {
  const blocks = Array.isArray(entry.body) ? (entry.body as Array<{ __component?: string; body?: unknown }>) : null;
  // A campaign's body is a list of components; its words are in the text components.
  const body = blocks?.some((b) => b.__component)
    ? blocks
        .filter((b) => b.__component === 'blocks.text')
        .map((b) => blocksToText(b.body as never))
        .join('\n')
    : blocksToText(blocks as never);
  return (body || (typeof entry.description === 'string' ? entry.description : '') || entry.summary || '').normalize(
    'NFC',
  );
}

/** The record the office signs for one item in one language (format: shared-types/src/authenticity.ts). */
export function publicationRecord(type: PageType, locale: Locale, entry: Entry): PublicationRecord {
  const text = textOf(entry);
  const withdrawal = entry.withdrawal as Withdrawal | null | undefined;
  const files = (entry.attachments ?? entry.documents ?? []) as Media[];
  const lead = (entry.leadImage ?? entry.hero) as Media | null | undefined;
  return {
    format: RECORD_FORMAT,
    type,
    documentId: entry.documentId,
    locale,
    url: absolute(config.SITE_URL, itemPath(type, locale, entry.slug)),
    title: String(entry.title ?? '').normalize('NFC'),
    date: dateOf(type, entry) ?? null,
    firstPublished: typeof entry.firstPublishedAt === 'string' ? entry.firstPublishedAt : null,
    summary: typeof entry.summary === 'string' ? entry.summary.normalize('NFC') : null,
    text,
    textSha256: crypto.createHash('sha256').update(normaliseText(text)).digest('hex'),
    leadImage: lead ? fileOf(lead) : null,
    attachments: files.map(fileOf),
    changeNotes: ((entry.changeNotes ?? []) as ChangeNote[]).map((n) => ({
      date: n.date,
      text: n.text.normalize('NFC'),
    })),
    withdrawal: withdrawal
      ? {
          date: withdrawal.withdrawnAt ?? null,
          reason: withdrawal.reason ?? null,
          explanation: withdrawal.explanation ?? null,
        }
      : null,
    version: String(entry.updatedAt),
  };
}

const made = new WeakMap<Entry, Map<string, { body: string; sha256: string }>>();

/**
 * The record file's exact bytes (RFC 8785), and their SHA-256: the name of its signature.
 * Asked for by the page, its `record.json` and the feeds: made once per entry object.
 */
export function recordFile(type: PageType, locale: Locale, entry: Entry): { body: string; sha256: string } {
  const byKey = made.get(entry) ?? new Map<string, { body: string; sha256: string }>();
  made.set(entry, byKey);
  const key = `${type}:${locale}`;
  let file = byKey.get(key);
  if (!file) {
    const body = canonicalJson(publicationRecord(type, locale, entry));
    file = { body, sha256: crypto.createHash('sha256').update(body).digest('hex') };
    byKey.set(key, file);
  }
  return file;
}
