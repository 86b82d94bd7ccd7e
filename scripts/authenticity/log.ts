import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import {
  canonicalJson,
  entryForHashing,
  headForSigning,
  historyPath,
  LOG_FORMAT,
  LOG_PAGE_SIZE,
  LOG_PATH,
  logHeadPath,
  logPagePath,
  lookupPath,
  ZERO_HASH,
  type LogEntry,
  type LogHead,
  type LookupHit,
  type LookupShard,
} from '@newsroom/shared-types';
import { sign, type SigningKey } from './keys';

export const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** A site path (`/.well-known/newsroom-log/…`) → the file in the store's public folder. */
const publicFile = (dir: string, sitePath: string) => path.join(dir, ...sitePath.split('/').filter(Boolean));

function readJson<T>(file: string, empty: T): T {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : empty;
}

/**
 * Writes by rename, never in place: builds hold the log's files as hard links, and a kept
 * build must keep the log as it was when it went live.
 */
function replace(file: string, value: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(value));
  fs.renameSync(temporary, file);
}

export type NewEntry = Omit<LogEntry, 'index' | 'previous' | 'hash'>;
/** A hash a reader may bring (of a text, a file, an address) and the record it leads to. */
export interface Lookup {
  sha256: string;
  hit: LookupHit;
}

/**
 * The append-only publication log, kept in the builder's store as the static files the site
 * serves under /.well-known/newsroom-log/: pages of entries, a signed head, and two indexes
 * split by hash (what a text, file or address matched; each item's entries).
 */
export class PublicationLog {
  readonly publicDir: string;
  private readonly headFile: string;

  constructor(storeDir: string) {
    this.publicDir = path.join(storeDir, 'public');
    this.headFile = publicFile(this.publicDir, logHeadPath());
  }

  head(): LogHead | null {
    return readJson<LogHead | null>(this.headFile, null);
  }

  page(number: number): LogEntry[] {
    return readJson<LogEntry[]>(publicFile(this.publicDir, logPagePath(number)), []);
  }

  /** Every entry, oldest first (the state's repair and the tests; a build reads only the last page). */
  entries(): LogEntry[] {
    const size = this.head()?.size ?? 0;
    const pages = Math.ceil(size / LOG_PAGE_SIZE);
    return Array.from({ length: pages }, (_, n) => this.page(n)).flat();
  }

  /** Appends entries, updates the indexes and signs a new head; returns the entries as logged. */
  append(added: { entry: NewEntry; lookups: Lookup[] }[], key: SigningKey, now: string): LogEntry[] {
    const head = this.head();
    let size = head?.size ?? 0;
    let previous = head?.hash ?? ZERO_HASH;
    const pages = new Map<number, LogEntry[]>();
    const logged: LogEntry[] = [];
    for (const { entry } of added) {
      const number = Math.floor(size / LOG_PAGE_SIZE);
      if (!pages.has(number)) pages.set(number, this.page(number));
      const full = { ...entry, index: size, previous, hash: '' };
      full.hash = sha256(canonicalJson(entryForHashing(full)));
      pages.get(number)!.push(full);
      logged.push(full);
      previous = full.hash;
      size += 1;
    }
    for (const [number, entries] of pages) replace(publicFile(this.publicDir, logPagePath(number)), entries);
    this.indexLookups(added.flatMap((a) => a.lookups));
    this.indexHistory(logged);
    const unsigned = {
      format: LOG_FORMAT,
      size,
      hash: previous,
      time: now,
      keyId: key.keyId,
      signature: '',
    } as LogHead;
    replace(this.headFile, { ...unsigned, signature: sign(key, headForSigning(unsigned)) });
    return logged;
  }

  private indexLookups(lookups: Lookup[]) {
    // Every shard exists, empty or not: a reader's lookup of a hash nobody published finds an empty shard, not a 404.
    const first = publicFile(this.publicDir, lookupPath('00'));
    if (!fs.existsSync(first))
      for (let n = 0; n < 256; n += 1)
        replace(publicFile(this.publicDir, lookupPath(n.toString(16).padStart(2, '0'))), {});
    const shards = new Map<string, LookupShard>();
    for (const { sha256: at, hit } of lookups) {
      const file = publicFile(this.publicDir, lookupPath(at));
      if (!shards.has(file)) shards.set(file, readJson<LookupShard>(file, {}));
      const list = (shards.get(file)![at] ??= []);
      if (!list.some((h) => h.kind === hit.kind && h.record === hit.record)) list.push(hit);
    }
    for (const [file, shard] of shards) replace(file, shard);
  }

  private indexHistory(logged: LogEntry[]) {
    const shards = new Map<string, Record<string, LogEntry[]>>();
    for (const entry of logged) {
      const file = publicFile(this.publicDir, historyPath(sha256(entry.documentId)));
      if (!shards.has(file)) shards.set(file, readJson<Record<string, LogEntry[]>>(file, {}));
      (shards.get(file)![`${entry.type}/${entry.documentId}`] ??= []).push(entry);
    }
    for (const [file, shard] of shards) replace(file, shard);
  }

  /** Links the log's files into a build (hard links: a build is a snapshot of the log). */
  linkInto(out: string) {
    const target = publicFile(out, LOG_PATH);
    const source = publicFile(this.publicDir, LOG_PATH);
    fs.rmSync(target, { recursive: true, force: true });
    if (!fs.existsSync(source)) return;
    for (const entry of fs.readdirSync(source, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
      const from = path.join(entry.parentPath, entry.name);
      const to = path.join(target, path.relative(source, from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.linkSync(from, to);
    }
  }
}
