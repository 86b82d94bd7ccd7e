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

export function openEntryStore(dir: string, type: string) {
  const file = path.join(dir, `${type}.json`);
  const state: File = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as File) : { cmsUrl: null, entries: {} };
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
      const sorted = Object.fromEntries(Object.entries(state.entries).sort(([a], [b]) => a.localeCompare(b)));
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ cmsUrl: state.cmsUrl, entries: sorted }));
      fs.renameSync(`${file}.tmp`, file);
    },
  };
}

export type EntryStore = ReturnType<typeof openEntryStore>;

/** Every entry of a type as the last sync left it, in id order. */
export function readEntries(dir: string, type: string): Data[] {
  const file = path.join(dir, `${type}.json`);
  if (!fs.existsSync(file)) return [];
  return Object.values((JSON.parse(fs.readFileSync(file, 'utf8')) as File).entries).map((e) => e.data);
}
