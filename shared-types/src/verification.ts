import {
  canonicalJson,
  entryForHashing,
  headForSigning,
  historyPath,
  KEYS_PATH,
  logHeadPath,
  logPagePath,
  lookupPath,
  normaliseText,
  RECORD_FILE,
  signaturePath,
  ZERO_HASH,
  type KeyList,
  type LogEntry,
  type LogHead,
  type LookupHit,
  type LookupShard,
  type PublicationRecord,
  type PublicKeyInfo,
  type RecordSignature,
} from './authenticity';
import type { Locale } from './locales';

/**
 * Verification, the same for the verify page (in the browser) and `npm run verify` (in Node):
 * both use WebCrypto, which both have. Nothing here trusts the site it reads from beyond
 * the keys: a record must hash to its name, its signature must verify with a key valid when
 * the log took it in, and the log entry must hash to what it claims.
 */

/** Where the verifier reads the site's files: over HTTP, from a build folder. */
export interface SiteFiles {
  /** The bytes at a site path, or null when there is none (404). */
  get(path: string): Promise<Uint8Array | null>;
}

/** Checks an Ed25519 signature; the page passes a fallback for browsers without it in WebCrypto. */
export type Ed25519Verify = (publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;

export const webCryptoEd25519: Ed25519Verify = async (publicKey, signature, message) => {
  const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
};

export type VerifyInput = { address: string } | { text: string } | { fileSha256: string; name?: string };

export type Outcome =
  /** Signed by a key valid at the time, and in the log. */
  | 'authentic'
  /** Nothing the office published matches. */
  | 'not-published'
  /** The page's record is not what the office signed and logged. */
  | 'changed'
  /** Signed with a key the office revoked before this was logged. */
  | 'revoked';

export type ItemState = 'current' | 'corrected' | 'revised' | 'withdrawn' | 'unpublished';

export interface Verdict {
  outcome: Outcome;
  /** Why, in plain English, for logs and the command line; the page words each outcome itself. */
  reason: string;
  record?: PublicationRecord;
  recordSha256?: string;
  /** What matched: the record itself, its text, or one of its files (by name). */
  matched?: { kind: LookupHit['kind']; name?: string };
  /**
   * When the item was first published in this language: as its record says (an archive
   * imported before the log began keeps its dates), else when the log first took it in.
   */
  firstPublished?: string;
  /** When this version entered the log. */
  versionLogged?: string;
  /** The item in this language now, and since when. */
  state?: ItemState;
  stateAt?: string;
  key?: PublicKeyInfo;
  /** The entry of this version in the log, and the log's size by its signed head. */
  logIndex?: number;
  logSize?: number;
  translations?: { locale: Locale; url: string }[];
}

const text = new TextDecoder();
const utf8 = new TextEncoder();

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8.encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromBase64(value: string): Uint8Array {
  const binary = atob(value);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function json<T>(files: SiteFiles, path: string): Promise<T | null> {
  const bytes = await files.get(path);
  return bytes ? (JSON.parse(text.decode(bytes)) as T) : null;
}

/** The hash an entry must carry: SHA-256 of its RFC 8785 form without the hash itself. */
export const entryHash = (entry: LogEntry) => sha256Hex(canonicalJson(entryForHashing(entry)));

/**
 * Checks entries as a chain from `previous`: each names the one before it and hashes to
 * what it says. Returns the index of the first entry that does not, or null.
 */
export async function brokenLink(entries: LogEntry[], previous: string, firstIndex: number): Promise<number | null> {
  let expected = previous;
  for (const [offset, entry] of entries.entries()) {
    if (entry.index !== firstIndex + offset || entry.previous !== expected || (await entryHash(entry)) !== entry.hash)
      return firstIndex + offset;
    expected = entry.hash;
  }
  return null;
}

/** A key's standing for something the log took in at `time`. */
export function keyStanding(key: PublicKeyInfo, time: string): 'valid' | 'revoked' | 'retired' | 'not-yet-valid' {
  if (key.revokedAt && time >= key.revokedAt) return 'revoked';
  if (key.retiredAt && time >= key.retiredAt) return 'retired';
  if (time < key.validFrom) return 'not-yet-valid';
  return 'valid';
}

export async function headIsSigned(head: LogHead, keys: KeyList, verify: Ed25519Verify): Promise<boolean> {
  const key = keys.keys.find((k) => k.keyId === head.keyId);
  if (!key || keyStanding(key, head.time) !== 'valid') return false;
  return verify(fromBase64(key.publicKey), fromBase64(head.signature), utf8.encode(headForSigning(head)));
}

/** A site path from what a reader pasted: a full address of this site, or a path. */
export function sitePath(address: string, siteUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim(), siteUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(siteUrl).origin) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return path.endsWith('/') ? path : `${path}/`;
}

interface Context {
  files: SiteFiles;
  keys: KeyList;
  head: LogHead;
  verify: Ed25519Verify;
  /** Of several matches (a file shared by the translations), the one in this language. */
  locale?: Locale;
}

const notPublished = (reason: string): Verdict => ({ outcome: 'not-published', reason });

/** What the log says of an item in one language, given one of its records. */
async function judge(ctx: Context, recordSha256: string, matched: Verdict['matched']): Promise<Verdict> {
  const signed = await json<RecordSignature & { record: string }>(ctx.files, signaturePath(recordSha256));
  if (!signed || (await sha256Hex(signed.record)) !== recordSha256)
    return { outcome: 'changed', reason: `no signature for the record ${recordSha256}` };
  const record = JSON.parse(signed.record) as PublicationRecord;
  const history =
    (await json<Record<string, LogEntry[]>>(ctx.files, historyPath(await sha256Hex(record.documentId)))) ?? {};
  const timeline = (history[`${record.type}/${record.documentId}`] ?? []).filter((e) => e.index < ctx.head.size);
  const own = timeline.filter((e) => e.locale === record.locale);
  // The first entry of this record is when it was signed: its key is judged at that time.
  const entry = own.find((e) => e.record === recordSha256);
  if (!entry || (await entryHash(entry)) !== entry.hash)
    return { outcome: 'changed', reason: 'the record is signed but not in the office’s log', record, recordSha256 };
  const key = ctx.keys.keys.find((k) => k.keyId === signed.keyId);
  const base = {
    record,
    recordSha256,
    matched,
    logIndex: entry.index,
    logSize: ctx.head.size,
    versionLogged: entry.time,
    key,
  };
  if (!key) return { ...base, outcome: 'changed', reason: `signed with an unknown key ${signed.keyId}` };
  const good = await ctx.verify(fromBase64(key.publicKey), fromBase64(signed.signature), utf8.encode(signed.record));
  if (!good) return { ...base, outcome: 'changed', reason: 'the signature does not match the record' };
  const standing = keyStanding(key, entry.time);
  if (standing === 'revoked')
    return { ...base, outcome: 'revoked', reason: `key ${key.keyId} was revoked on ${key.revokedAt}` };
  if (standing !== 'valid')
    return { ...base, outcome: 'changed', reason: `key ${key.keyId} was not valid on ${entry.time} (${standing})` };
  const latest = own[own.length - 1];
  // What followed the last time the log took this record in (it may come back: a republish, an edit undone).
  const lastSeen = own.filter((e) => e.record === recordSha256).pop()!;
  const later = own.filter((e) => e.index > lastSeen.index);
  const state: ItemState =
    latest.event === 'withdrawn' || latest.event === 'unpublished'
      ? latest.event
      : latest.record === recordSha256
        ? 'current'
        : later.some((e) => e.event === 'corrected')
          ? 'corrected'
          : 'revised';
  const latestPerLocale = new Map(timeline.map((e) => [e.locale, e]));
  return {
    ...base,
    outcome: 'authentic',
    reason: `signed by key ${key.keyId}, entry ${entry.index + 1} of ${ctx.head.size} in the log`,
    firstPublished: record.firstPublished ?? own.find((e) => e.event === 'published')?.time ?? entry.time,
    state,
    stateAt: state === 'current' ? lastSeen.time : (later.find((e) => e.event !== 'published')?.time ?? latest.time),
    translations: [...latestPerLocale.values()]
      .filter((e) => e.locale !== record.locale && e.event !== 'unpublished')
      .map((e) => ({ locale: e.locale, url: e.url })),
  };
}

async function hitsFor(ctx: Context, sha256: string, kind: LookupHit['kind']): Promise<LookupHit[]> {
  const shard = (await json<LookupShard>(ctx.files, lookupPath(sha256))) ?? {};
  return (shard[sha256] ?? []).filter((h) => h.kind === kind);
}

/** Of the records a text, a file or an address matched: the reader's language first, then the latest logged. */
async function judgeHits(ctx: Context, hits: LookupHit[], matched: Verdict['matched']): Promise<Verdict | null> {
  const rank = (v: Verdict) =>
    [v.outcome === 'authentic' ? 1 : 0, v.record?.locale === ctx.locale ? 1 : 0, v.logIndex ?? -1] as const;
  const better = (a: Verdict, b: Verdict) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
  };
  // Each hit's signature and history are fetched side by side: a file shared by three translations is one wait, not three.
  const verdicts = await Promise.all(
    hits.map((hit) => judge(ctx, hit.record, { ...matched!, name: hit.name ?? matched?.name })),
  );
  return verdicts.reduce<Verdict | null>((best, verdict) => (!best || better(verdict, best) ? verdict : best), null);
}

async function byAddress(ctx: Context, address: string, siteUrl: string): Promise<Verdict> {
  const path = sitePath(address, siteUrl);
  if (!path) return notPublished(`${address} is not an address on ${siteUrl}`);
  const bytes = await ctx.files.get(`${path}${RECORD_FILE}`);
  if (!bytes) {
    // A page that left the site is still in the log by its address.
    const gone = await judgeHits(ctx, await hitsFor(ctx, await sha256Hex(path), 'address'), { kind: 'address' });
    return gone ?? notPublished(`the office published nothing at ${path}`);
  }
  const verdict = await judge(ctx, await sha256Hex(bytes), { kind: 'address' });
  return verdict.outcome === 'changed' && !verdict.record
    ? { ...verdict, reason: `the record at ${path} is not one the office signed` }
    : verdict;
}

/**
 * Verifies an address, a text or a file (by its SHA-256, computed by the caller: the page
 * hashes a dropped file in the browser and uploads nothing).
 */
export async function verifyPublication(
  files: SiteFiles,
  input: VerifyInput,
  siteUrl: string,
  { verify = webCryptoEd25519, locale }: { verify?: Ed25519Verify; locale?: Locale } = {},
): Promise<Verdict> {
  const keys = await json<KeyList>(files, KEYS_PATH);
  const head = await json<LogHead>(files, logHeadPath());
  if (!keys || !head) return notPublished('the site publishes no keys or log');
  const ctx: Context = { files, keys, head, verify, locale };
  if (!(await headIsSigned(head, keys, verify)))
    return { outcome: 'changed', reason: 'the log’s head is not signed by a valid key of the office' };
  if ('address' in input) return byAddress(ctx, input.address, siteUrl);
  if ('text' in input) {
    const normal = normaliseText(input.text);
    if (!normal) return notPublished('the text is empty');
    const found = await judgeHits(ctx, await hitsFor(ctx, await sha256Hex(normal), 'text'), { kind: 'text' });
    return found ?? notPublished('no text the office published matches this one exactly');
  }
  const sha = input.fileSha256.toLowerCase();
  const found = await judgeHits(ctx, await hitsFor(ctx, sha, 'file'), { kind: 'file', name: input.name });
  return found ?? notPublished(`no file the office published has the SHA-256 ${sha}`);
}

export interface LogAudit {
  ok: boolean;
  size: number;
  /** Why not, in plain English. */
  problem?: string;
}

/**
 * Reads the whole log and checks it: every entry chained to the one before, the last one
 * the head's hash, the head signed; and given a head saved earlier (by a mirror, a
 * journalist, a court), that the log still holds exactly what it held then.
 */
export async function auditLog(
  files: SiteFiles,
  earlier?: LogHead,
  verify: Ed25519Verify = webCryptoEd25519,
): Promise<LogAudit> {
  const keys = await json<KeyList>(files, KEYS_PATH);
  const head = await json<LogHead>(files, logHeadPath());
  if (!keys || !head) return { ok: false, size: 0, problem: 'the site publishes no keys or log' };
  if (!(await headIsSigned(head, keys, verify)))
    return { ok: false, size: head.size, problem: 'the head is not signed by a valid key' };
  if (earlier && !(await headIsSigned(earlier, keys, verify)))
    return { ok: false, size: head.size, problem: 'the earlier head is not signed by a valid key' };
  const entries: LogEntry[] = [];
  for (let page = 0; entries.length < head.size; page += 1) {
    const part = await json<LogEntry[]>(files, logPagePath(page));
    if (!part?.length) return { ok: false, size: head.size, problem: `page ${page} of the log is missing` };
    entries.push(...part);
  }
  const broken = await brokenLink(entries.slice(0, head.size), ZERO_HASH, 0);
  if (broken !== null)
    return { ok: false, size: head.size, problem: `entry ${broken} does not chain to the one before it` };
  if ((entries[head.size - 1]?.hash ?? ZERO_HASH) !== head.hash)
    return { ok: false, size: head.size, problem: 'the last entry is not the one the head signs' };
  if (earlier) {
    if (earlier.size > head.size)
      return { ok: false, size: head.size, problem: `the log shrank from ${earlier.size} entries to ${head.size}` };
    if ((entries[earlier.size - 1]?.hash ?? ZERO_HASH) !== earlier.hash)
      return {
        ok: false,
        size: head.size,
        problem: `the first ${earlier.size} entries are not the ones the earlier head signed: the past was rewritten`,
      };
  }
  return { ok: true, size: head.size };
}
