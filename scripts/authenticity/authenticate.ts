import fs from 'node:fs';
import path from 'node:path';
import {
  KEYS_PATH,
  keyPemPath,
  RECORD_FILE,
  SIGNATURES_PATH,
  type LogEvent,
  type PublicationRecord,
  type RecordSignature,
  type BuildReport,
} from '@newsroom/shared-types';
import { KeyRegistry, publicKeyPem, sign, type SigningKey } from './keys';
import { PublicationLog, sha256, type Lookup, type NewEntry } from './log';
import { SigningState, type ItemState } from './state';

/** Where the builder keeps its log, signatures and keys: beside the builds, never inside one. */
export const authenticityStore = (buildsDir: string) => path.join(buildsDir, '.authenticity');

/**
 * What an incremental build reports of its record files (site/integrations/incremental.ts): the
 * ones it wrote and the ones it removed; every other one is the live build's, linked.
 */
export type RecordChanges = NonNullable<BuildReport['records']> & {
  /** The live build the incremental build started from. */
  base: string;
};

export interface AuthenticityReport {
  records: number;
  /** Records read and hashed this build (the rest were the live build's files, linked). */
  read: number;
  events: Partial<Record<LogEvent, number>>;
  logSize: number;
  keyId: string;
  /** How long the step took, for the benchmark. */
  ms: number;
}

interface Found {
  rel: string;
  key: string;
  record: string;
  parsed: PublicationRecord;
  bytes: Buffer;
}

const itemKey = (r: Pick<PublicationRecord, 'type' | 'documentId' | 'locale'>) =>
  `${r.type}/${r.documentId}/${r.locale}`;
const gone = (event: LogEvent) => event === 'unpublished';

function readRecord(out: string, rel: string): Found {
  const bytes = fs.readFileSync(path.join(out, rel));
  const parsed = JSON.parse(bytes.toString('utf8')) as PublicationRecord;
  return { rel, key: itemKey(parsed), record: sha256(bytes), parsed, bytes };
}

/** The record files of a build, by path, in a stable order. */
function recordFiles(out: string): string[] {
  return fs
    .readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === RECORD_FILE)
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)))
    .sort();
}

function eventFor(before: ItemState | undefined, record: PublicationRecord): LogEvent {
  if (!before || gone(before.event)) return 'published';
  if (record.withdrawal && !before.withdrawn) return 'withdrawn';
  if (record.changeNotes.length > before.notes) return 'corrected';
  return 'revised';
}

/** What a reader may bring that leads to this record: its text, its files, its address. */
function lookupsOf(record: PublicationRecord, recordSha: string): Lookup[] {
  const hit = {
    record: recordSha,
    type: record.type,
    documentId: record.documentId,
    locale: record.locale,
    url: record.url,
  };
  const files = [...(record.leadImage ? [record.leadImage] : []), ...record.attachments];
  return [
    { sha256: record.textSha256, hit: { ...hit, kind: 'text' as const } },
    { sha256: sha256(new URL(record.url).pathname), hit: { ...hit, kind: 'address' as const } },
    ...files.flatMap((f) =>
      f.sha256 ? [{ sha256: f.sha256, hit: { ...hit, kind: 'file' as const, name: f.name } }] : [],
    ),
  ];
}

/**
 * The builder's authenticity step, run on a finished build before it is checked and sealed:
 * signs every record the build wrote that the office has not signed yet, appends to the
 * public log what changed since the last build (published, revised, corrected, withdrawn,
 * unpublished), signs the log's new head, and places the keys, the log and the signatures
 * into the build. The private key never leaves this process.
 */
export class Authenticity {
  readonly log: PublicationLog;
  readonly registry: KeyRegistry;
  private readonly signatures: string;
  private readonly state: SigningState;

  constructor(
    storeDir: string,
    private readonly key: SigningKey,
    private readonly logLine: (line: string) => void = console.log,
  ) {
    this.log = new PublicationLog(storeDir);
    this.registry = KeyRegistry.in(storeDir);
    this.signatures = path.join(storeDir, 'signatures');
    fs.mkdirSync(storeDir, { recursive: true });
    this.state = new SigningState(path.join(storeDir, 'state.db'));
  }

  get keyId(): string {
    return this.key.keyId;
  }

  /**
   * Signs and logs a build. Given what an incremental build changed, and the live build it
   * started from being the one the store last saw, only the written records are read;
   * otherwise every record file of the build is.
   */
  run(
    out: string,
    { changes, now = new Date().toISOString() }: { changes?: RecordChanges; now?: string } = {},
  ): AuthenticityReport {
    const started = performance.now();
    const keys = this.registry.adopt(this.key, now);
    this.repairState();
    const trusted = changes && this.state.head().build === path.resolve(changes.base);
    const found = (trusted ? changes.written : recordFiles(out)).map((rel) => readRecord(out, rel));
    const added: { entry: NewEntry; lookups: Lookup[] }[] = [];
    const changed = new Map<string, ItemState>();
    for (const { rel, key, record, parsed, bytes } of found) {
      const before = this.state.item(key);
      if (before?.record === record) {
        if (before.path !== rel) changed.set(key, { ...before, path: rel });
        continue;
      }
      this.signOnce(record, bytes);
      const event = eventFor(before, parsed);
      added.push({ entry: this.entryOf(event, parsed, record, now), lookups: lookupsOf(parsed, record) });
      const { url, changeNotes, withdrawal } = parsed;
      changed.set(key, { path: rel, record, url, event, notes: changeNotes.length, withdrawn: !!withdrawal });
    }
    const present = new Set(found.map((f) => f.key));
    const left = trusted ? changes.removed.flatMap((rel) => this.state.keyAt(rel) ?? []) : this.state.liveKeys();
    for (const key of left.filter((k) => !present.has(k))) {
      const item = this.state.item(key)!;
      const [type, documentId, locale] = key.split('/') as [string, string, PublicationRecord['locale']];
      added.push({
        entry: {
          time: now,
          event: 'unpublished',
          type,
          documentId,
          locale,
          url: item.url,
          version: null,
          record: null,
        },
        lookups: [],
      });
      changed.set(key, { ...item, record: null, event: 'unpublished' });
    }
    const logged = this.log.append(added, this.key, now);
    this.placeInto(out, keys);
    const head = this.log.head()!;
    this.state.save(changed, { size: head.size, hash: head.hash, build: path.resolve(out) });
    const events: AuthenticityReport['events'] = {};
    for (const e of logged) events[e.event] = (events[e.event] ?? 0) + 1;
    return {
      records: this.state.count(),
      read: found.length,
      events,
      logSize: head.size,
      keyId: this.key.keyId,
      ms: Math.round(performance.now() - started),
    };
  }

  close() {
    this.state.close();
  }

  private entryOf(event: LogEvent, record: PublicationRecord, sha: string, time: string): NewEntry {
    const { type, documentId, locale, url, version } = record;
    return { time, event, type, documentId, locale, url, version, record: sha };
  }

  /** A record's signature file, named by the record's hash; it holds the record's exact text too. */
  private signOnce(recordSha: string, bytes: Buffer) {
    const file = path.join(this.signatures, `${recordSha}.json`);
    if (fs.existsSync(file)) return;
    const signed: RecordSignature & { record: string } = {
      alg: 'Ed25519',
      keyId: this.key.keyId,
      recordSha256: recordSha,
      signature: sign(this.key, bytes),
      record: bytes.toString('utf8'),
    };
    fs.mkdirSync(this.signatures, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    // Read-only from the start: a build serves this folder through a link, and it only ever grows.
    fs.writeFileSync(temporary, JSON.stringify(signed), { mode: 0o444 });
    fs.renameSync(temporary, file);
  }

  /** The keys and the log as files of the build; the signatures, which only ever grow, by one link to the store. */
  private placeInto(out: string, keys: ReturnType<KeyRegistry['list']>) {
    const keysFile = path.join(out, ...KEYS_PATH.split('/').filter(Boolean));
    fs.mkdirSync(path.dirname(keysFile), { recursive: true });
    fs.writeFileSync(keysFile, JSON.stringify(keys, null, 2));
    for (const key of keys.keys) {
      const pem = path.join(out, ...keyPemPath(key.keyId).split('/').filter(Boolean));
      fs.mkdirSync(path.dirname(pem), { recursive: true });
      fs.writeFileSync(pem, publicKeyPem(key.publicKey));
    }
    this.log.linkInto(out);
    fs.mkdirSync(this.signatures, { recursive: true });
    const link = path.join(out, ...SIGNATURES_PATH.split('/').filter(Boolean));
    fs.rmSync(link, { force: true });
    fs.symlinkSync(this.signatures, link);
  }

  /** When the state does not match the log's head (a crash between the two writes), it is made again from the log. */
  private repairState() {
    const head = this.log.head();
    const saved = this.state.head();
    if (saved.size === (head?.size ?? 0) && saved.hash === (head?.hash ?? null)) return;
    const items = new Map<string, ItemState>();
    for (const entry of this.log.entries()) {
      const record = entry.record ? this.signedRecord(entry.record) : null;
      const key = `${entry.type}/${entry.documentId}/${entry.locale}`;
      items.set(key, {
        path: `${new URL(entry.url).pathname.slice(1)}${RECORD_FILE}`,
        record: entry.record,
        url: entry.url,
        event: entry.event,
        notes: record?.changeNotes.length ?? 0,
        withdrawn: !!record?.withdrawal,
      });
    }
    if (saved.size > 0) this.logLine('authenticity: the store’s state did not match its log; made again from the log');
    this.state.save(items, { size: head?.size ?? 0, hash: head?.hash ?? null, build: null }, true);
  }

  private signedRecord(sha: string): PublicationRecord | null {
    const file = path.join(this.signatures, `${sha}.json`);
    if (!fs.existsSync(file)) return null;
    return JSON.parse((JSON.parse(fs.readFileSync(file, 'utf8')) as { record: string }).record) as PublicationRecord;
  }
}
