import canonicalize from 'canonicalize';
import type { Locale } from './locales';

/**
 * What the office signs and logs (see docs/decisions/0011-signed-records-and-a-public-log.md).
 * The site writes a record beside each item page in each language; the builder signs it and
 * appends what changed to the public log. Everything here is read by the builder, the
 * command-line verifier and the verify page alike, so all three judge a record the same way.
 */

export const RECORD_FORMAT = 'newsroom-record/1';
export const LOG_FORMAT = 'newsroom-log/1';

/** Beside every item page: `/<lang>/<section>/<slug>/record.json`. */
export const RECORD_FILE = 'record.json';
export const KEYS_PATH = '/.well-known/newsroom-keys.json';
export const LOG_PATH = '/.well-known/newsroom-log/';
/** Each key also as a PEM file, for `openssl` (see the README). */
export const keyPemPath = (keyId: string) => `/.well-known/newsroom-keys/${keyId}.pem`;
/** Signatures by the SHA-256 of the record they sign: a record's signature never changes. */
export const SIGNATURES_PATH = '/.well-known/newsroom-signatures/';
/** Entries per page of the log: 1 000 entries of about 400 bytes stay far below 1 MB a file. */
export const LOG_PAGE_SIZE = 1000;

export const signaturePath = (recordSha256: string) => `${SIGNATURES_PATH}${recordSha256}.json`;
export const logPagePath = (page: number) => `${LOG_PATH}entries/${String(page).padStart(6, '0')}.json`;
export const logHeadPath = () => `${LOG_PATH}head.json`;
/** Lookups and item histories are split by the first two hex digits of a hash, so no file grows with the archive. */
export const shardOf = (hex: string) => hex.slice(0, 2);
export const lookupPath = (sha256: string) => `${LOG_PATH}lookup/${shardOf(sha256)}.json`;
export const historyPath = (documentIdSha256: string) => `${LOG_PATH}items/${shardOf(documentIdSha256)}.json`;

export interface RecordFile {
  name: string;
  url: string;
  /** Null for a file the site links where it is kept (object storage) rather than copies. */
  sha256: string | null;
}

/** One item version in one language, as signed. Field order does not matter: it is serialised by RFC 8785. */
export interface PublicationRecord {
  format: typeof RECORD_FORMAT;
  type: string;
  documentId: string;
  locale: Locale;
  url: string;
  title: string;
  /** The item's own date (issued, delivered, adopted…), as the CMS holds it. */
  date: string | null;
  /** When the office first published the item in this language (the CMS sets it once). */
  firstPublished: string | null;
  summary: string | null;
  /** The text as plain text, NFC, blocks separated by a blank line. */
  text: string;
  /** SHA-256 of the text after `normaliseText`: what a pasted copy is matched by. */
  textSha256: string;
  leadImage: RecordFile | null;
  attachments: RecordFile[];
  changeNotes: { date: string; text: string }[];
  withdrawal: { date: string | null; reason: string | null; explanation: string | null } | null;
  /** When this version was saved in the CMS. */
  version: string;
}

/** The signature file of one record. */
export interface RecordSignature {
  alg: 'Ed25519';
  keyId: string;
  recordSha256: string;
  /** Base64 of the 64-byte Ed25519 signature over the record file's exact bytes. */
  signature: string;
}

export type LogEvent = 'published' | 'revised' | 'corrected' | 'withdrawn' | 'unpublished';

/** One line of the append-only log; `hash` chains it to every entry before it. */
export interface LogEntry {
  index: number;
  time: string;
  event: LogEvent;
  type: string;
  documentId: string;
  locale: Locale;
  url: string;
  /** The record's version; null when the item left the site. */
  version: string | null;
  /** SHA-256 of the record file; null when the item left the site (its text is not kept). */
  record: string | null;
  /** SHA-256 of the previous entry (64 zeros for the first). */
  previous: string;
  /** SHA-256 of this entry's RFC 8785 form without `hash`. */
  hash: string;
}

/** The log's state after a build: its size and last hash, signed. */
export interface LogHead {
  format: typeof LOG_FORMAT;
  size: number;
  hash: string;
  time: string;
  keyId: string;
  signature: string;
}

export interface PublicKeyInfo {
  keyId: string;
  /** Base64 of the 32-byte raw public key. */
  publicKey: string;
  /** The SHA-256 of the raw public key, hex: what the office publishes elsewhere. */
  fingerprint: string;
  validFrom: string;
  /** After this time the key signs nothing more; what it signed before stays valid. */
  retiredAt?: string;
  /** The key is no longer trusted for anything logged at or after this time. */
  revokedAt?: string;
}

export interface KeyList {
  format: 'newsroom-keys/1';
  keys: PublicKeyInfo[];
}

/** A lookup shard: the SHA-256 of a text, a file or a page address → where it was published. */
export type LookupShard = Record<string, LookupHit[]>;
export interface LookupHit {
  kind: 'text' | 'file' | 'address';
  record: string;
  type: string;
  documentId: string;
  locale: Locale;
  url: string;
  /** The file's name, for a file. */
  name?: string;
}

export const ZERO_HASH = '0'.repeat(64);

/** RFC 8785 (JSON Canonicalization Scheme): the same value always gives the same bytes. */
export const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Cannot serialise an undefined value');
  return text;
};

/**
 * How a text is compared: NFC, every run of white space one space, no space at either end,
 * and typographic quotes, dashes and the no-break space as their plain forms (a copy from a
 * browser or a word processor changes those, not the words).
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\s\u00A0\u202F\u2007]+/g, ' ')
    .trim();
}

/** The log entry without its hash, as its hash is computed. */
export const entryForHashing = (entry: LogEntry): Omit<LogEntry, 'hash'> =>
  Object.fromEntries(Object.entries(entry).filter(([name]) => name !== 'hash')) as Omit<LogEntry, 'hash'>;

/** What a log head's signature covers. */
export const headForSigning = (head: LogHead): string =>
  canonicalJson({ format: head.format, size: head.size, hash: head.hash, time: head.time, keyId: head.keyId });

/**
 * Verifying a page with nothing but curl, coreutils and OpenSSL, for readers who trust none
 * of our code. The verify page shows it; the README has it word for word (a test runs it).
 */
export const opensslRecipe = (site: string, page: string): string[] => [
  `SITE=${site}`,
  `PAGE=${page}`,
  'curl -fso record.json "${PAGE}record.json"',
  `curl -fso signature.json "$SITE${SIGNATURES_PATH}$(sha256sum record.json | cut -c1-64).json"`,
  `KEY=$(grep -o '"keyId":"[^"]*"' signature.json | cut -d'"' -f4)`,
  `curl -fso key.pem "$SITE${keyPemPath('$KEY')}"`,
  `grep -o '"signature":"[^"]*"' signature.json | cut -d'"' -f4 | base64 -d > record.sig`,
  'openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in record.json -sigfile record.sig',
  '# the fingerprint to compare with the one the office publishes elsewhere:',
  'openssl pkey -pubin -in key.pem -outform DER | tail -c 32 | sha256sum',
];
