import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { PageType } from '../lib/routes';
import { entryId } from './strapi';
import { entriesDir, openEntryStore } from './entry-store';

export interface PreviewFile {
  type: PageType;
  entry: { documentId: string; locale: string; updatedAt: string } & Record<string, unknown>;
}

export const readPreviewFile = (file: string): PreviewFile => JSON.parse(fs.readFileSync(file, 'utf8')) as PreviewFile;

/** A preview's collection holds what it is given and nothing else. */
function replaceEntries({ config }: LoaderContext, type: string, entries: PreviewFile['entry'][]) {
  const store = openEntryStore(entriesDir(fileURLToPath(config.cacheDir)), type);
  store.reset('preview');
  for (const entry of entries) store.set(entryId(entry.locale, entry.documentId), entry, entry.updatedAt);
  store.save();
}

/** The one draft a preview build renders, as the only entry of its collection. */
export function previewLoader(preview: PreviewFile): Loader {
  return {
    name: `preview-${preview.type}`,
    load: async (context) => replaceEntries(context, preview.type, [preview.entry]),
  };
}

/** Types a preview does not show: empty, so the build renders next to nothing else. */
export function emptyLoader(name: string): Loader {
  return { name: `empty-${name}`, load: async (context) => replaceEntries(context, name, []) };
}
