import fs from 'node:fs';
import path from 'node:path';
import { keptAcrossBuilds } from '../lib/build-session';

type Data = Record<string, unknown>;
interface Stored {
  digest: string;
  data: Data;
}
interface File {
  cmsUrl: string | null;
  entries: Record<string, Stored>;
}
/** The CMS's listing of a type as the last sync read it: its digest and how many entries it listed. */
export interface SyncedListing {
  digest: string;
  listed: number;
}
/**
 * What a process holds of a type's files: the entries, how large the snapshot and journal are,
 * and their version, which changes with every change to the entries (a number no other entries
 * of the process had).
 */
interface Held extends File {
  snapshotBytes: number;
  journalBytes: number;
  listing: SyncedListing | null;
  version: number;
}
/** One change to the entries: set (to what) or deleted (null). */
type Op = [id: string, stored: Stored | null];

/**
 * Where the loaders keep entries: for each type, in `<cacheDir>/newsroom-entries/`, a snapshot
 * (`<type>.json`) and a journal of the syncs since (`<type>.journal`, one JSON line per set or
 * delete). Astro's own content store is rewritten whole on every sync (100 MB at 10 000
 * documents), and a save already under way when the sync ends can drop the final one (Astro
 * 5.18). A sync here appends what it changed, before the loader returns: a publish writes a
 * few kilobytes, not the 45 MB of every release. The snapshot is written afresh when the
 * journal has grown to a quarter of it, and when the store is reset.
 */
export const entriesDir = (cacheDir: string) => path.join(cacheDir, 'newsroom-entries');

/** Below this, the journal is never worth folding into the snapshot. */
const MIN_JOURNAL_BYTES = 1 << 20;

/**
 * The loaders and the pages run in one build process but in separate module graphs (the
 * pages are bundled): what a loader read or wrote is handed to the pages through this, so a
 * type's files are parsed once, not twice, and held in memory once. In the builder's worker it
 * lasts from build to build (lib/build-session.ts says why that is safe).
 */
const parsed = keptAcrossBuilds<Held>('entries');
const versions = keptAcrossBuilds<number>('entry versions');
const nextVersion = () => {
  const version = (versions.get('last') ?? 0) + 1;
  versions.set('last', version);
  return version;
};

const journalOf = (file: string) => file.replace(/\.json$/, '.journal');
/** Beside the entries: the listing they were synced with, written after them (an older one only makes a later check sync again). */
const listingOf = (file: string) => file.replace(/\.json$/, '.listing.json');

function readListing(file: string): SyncedListing | null {
  try {
    const listing = JSON.parse(fs.readFileSync(listingOf(file), 'utf8')) as Partial<SyncedListing>;
    return typeof listing.digest === 'string' && typeof listing.listed === 'number'
      ? { digest: listing.digest, listed: listing.listed }
      : null;
  } catch {
    return null;
  }
}

/**
 * Replays the journal onto the snapshot. A line cut short (the process stopped while
 * appending) is dropped and cut from the file: the next sync fetches that entry again, since
 * its digest no longer matches the CMS's listing, and removes what the listing lacks.
 */
function replay(file: string, state: File): number {
  const journal = journalOf(file);
  if (!fs.existsSync(journal)) return 0;
  const text = fs.readFileSync(journal, 'utf8');
  const complete = text.lastIndexOf('\n') + 1;
  if (complete < text.length) fs.truncateSync(journal, Buffer.byteLength(text.slice(0, complete)));
  text
    .slice(0, complete)
    .split('\n')
    .slice(0, -1)
    .forEach((line, i) => {
      let op: Op;
      try {
        op = JSON.parse(line) as Op;
      } catch {
        throw new Error(
          `${journal}, line ${i + 1}, is not JSON. Delete ${path.dirname(journal)} and the next build fetches every entry again.`,
        );
      }
      if (op[1]) state.entries[op[0]] = op[1];
      else delete state.entries[op[0]];
    });
  return complete;
}

function readFile(file: string): Held | null {
  const held = parsed.get(file);
  if (held) return held;
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  const state = JSON.parse(text) as File;
  const journalBytes = replay(file, state);
  return { ...state, snapshotBytes: text.length, journalBytes, listing: readListing(file), version: nextVersion() };
}

function writeSnapshot(file: string, state: Held) {
  // The journal goes first: were the process to stop in between, the old snapshot alone is
  // what the next sync starts from, and it fetches again what differs from the CMS.
  fs.rmSync(journalOf(file), { force: true });
  const text = JSON.stringify({ cmsUrl: state.cmsUrl, entries: state.entries });
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
  Object.assign(state, { snapshotBytes: text.length, journalBytes: 0 });
}

export function openEntryStore(dir: string, type: string) {
  const file = path.join(dir, `${type}.json`);
  const state: Held = readFile(file) ?? {
    cmsUrl: null,
    entries: {},
    snapshotBytes: 0,
    journalBytes: 0,
    listing: null,
    version: nextVersion(),
  };
  parsed.set(file, state);
  const ops: Op[] = [];
  let reset = false;
  let listing: SyncedListing | null = null;
  return {
    cmsUrl: () => state.cmsUrl,
    /** The listing the entries were last synced with; null after a reset, or before the first sync. */
    listing: () => state.listing,
    syncedWith: (synced: SyncedListing) => (listing = synced),
    keys: () => Object.keys(state.entries),
    get: (id: string): Stored | undefined => state.entries[id],
    set: (id: string, data: Data, digest: string) => {
      state.version = nextVersion();
      ops.push([id, (state.entries[id] = { data, digest })]);
    },
    delete: (id: string) => {
      state.version = nextVersion();
      ops.push([id, null]);
      delete state.entries[id];
    },
    reset: (cmsUrl: string) => {
      reset = true;
      state.version = nextVersion();
      fs.rmSync(listingOf(file), { force: true });
      Object.assign(state, { cmsUrl, entries: {}, listing: null });
    },
    save() {
      saveEntries();
      if (!listing) return;
      if (listing.digest === state.listing?.digest && listing.listed === state.listing.listed) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(`${listingOf(file)}.tmp`, JSON.stringify(listing));
      fs.renameSync(`${listingOf(file)}.tmp`, listingOf(file));
      state.listing = listing;
      listing = null;
    },
  };

  function saveEntries() {
    if (!reset && ops.length === 0) return;
    fs.mkdirSync(dir, { recursive: true });
    const lines = ops.map((op) => `${JSON.stringify(op)}\n`).join('');
    if (
      reset ||
      !fs.existsSync(file) ||
      state.journalBytes + lines.length > Math.max(MIN_JOURNAL_BYTES, state.snapshotBytes / 4)
    )
      writeSnapshot(file, state);
    else {
      fs.appendFileSync(journalOf(file), lines);
      state.journalBytes += lines.length;
    }
    ops.length = 0;
    reset = false;
  }
}

export type EntryStore = ReturnType<typeof openEntryStore>;

/**
 * Every entry of a type as the last sync left it, in id order: the order depends on which
 * entries there are, not on the order the syncs brought them in.
 */
export function readEntries(dir: string, type: string): Data[] {
  const entries = readFile(path.join(dir, `${type}.json`))?.entries ?? {};
  return Object.keys(entries)
    .sort()
    .map((id) => entries[id].data);
}

/** The version of a type's entries this process holds (see Held); null when it holds none. */
export const entriesVersion = (dir: string, type: string): number | null =>
  parsed.get(path.join(dir, `${type}.json`))?.version ?? null;
