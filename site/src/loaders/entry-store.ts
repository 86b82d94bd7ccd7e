import fs from 'node:fs';
import path from 'node:path';

type Data = Record<string, unknown>;
interface Stored {
  digest: string;
  data: Data;
}
interface File {
  cmsUrl: string | null;
  entries: Record<string, Stored>;
}

/**
 * Where the loaders keep entries: one JSON file per type in `<cacheDir>/newsroom-entries/`.
 * Astro's own content store is rewritten whole on every sync (100 MB at 10 000 documents,
 * about 11 s), read back whole when pages render (about 8 s), and its write can be lost: a
 * save already under way when the sync ends drops the final one (Astro 5.18), so a build
 * could render without the entry it was started for. These files are written only for the
 * types that changed, before the loader returns, and pages read them directly.
 */
export const entriesDir = (cacheDir: string) => path.join(cacheDir, 'newsroom-entries');

/**
 * The loaders and the pages run in one build process but in separate module graphs (the
 * pages are bundled): what a loader read or wrote is handed to the pages through this, so a
 * type's file is parsed once, not twice, and held in memory once. In the builder's worker it
 * lasts from build to build: the worker is the only writer of its cache's files, and it is
 * started afresh after a failed build, so what it holds is what the files hold.
 */
const parsed = ((globalThis as Record<symbol, Map<string, File>>)[Symbol.for('newsroom.entries')] ??= new Map());

const readFile = (file: string): File | null => parsed.get(file) ?? (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as File) : null);

export function openEntryStore(dir: string, type: string) {
  const file = path.join(dir, `${type}.json`);
  const state: File = readFile(file) ?? { cmsUrl: null, entries: {} };
  parsed.set(file, state);
  let dirty = false;
  const touch = () => (dirty = true);
  return {
    cmsUrl: () => state.cmsUrl,
    keys: () => Object.keys(state.entries),
    get: (id: string): Stored | undefined => state.entries[id],
    set: (id: string, data: Data, digest: string) => (touch(), (state.entries[id] = { data, digest })),
    delete: (id: string) => (touch(), delete state.entries[id]),
    reset: (cmsUrl: string) => (touch(), Object.assign(state, { cmsUrl, entries: {} })),
    save() {
      if (!dirty) return;
      fs.mkdirSync(dir, { recursive: true });
      // In id order, on disk and in memory alike: the pages see one order whichever they read.
      state.entries = Object.fromEntries(Object.entries(state.entries).sort(([a], [b]) => a.localeCompare(b)));
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
      fs.renameSync(`${file}.tmp`, file);
    },
  };
}

export type EntryStore = ReturnType<typeof openEntryStore>;

/** Every entry of a type as the last sync left it, in id order. */
export function readEntries(dir: string, type: string): Data[] {
  return Object.values(readFile(path.join(dir, `${type}.json`))?.entries ?? {}).map((e) => e.data);
}
