import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { PageType } from '../lib/routes';
import { entryId } from './strapi';
import { entriesDir, openEntryStore } from './entry-store';
import { openMediaFiles } from './media-files';

export interface PreviewFile {
  type: PageType;
  entry: { documentId: string; locale: string; updatedAt: string } & Record<string, unknown>;
}

export const readPreviewFile = (file: string): PreviewFile => JSON.parse(fs.readFileSync(file, 'utf8')) as PreviewFile;

/** A preview's collection holds what it is given and nothing else. */
async function replaceEntries(
  { config }: LoaderContext,
  type: string,
  entries: PreviewFile['entry'][],
  cmsUrl: string,
) {
  const cacheDir = fileURLToPath(config.cacheDir);
  const store = openEntryStore(entriesDir(cacheDir), type);
  const media = openMediaFiles(cacheDir, cmsUrl);
  store.reset('preview');
  for (const entry of entries) {
    await media.localize(entry);
    store.set(entryId(entry.locale, entry.documentId), entry, entry.updatedAt);
  }
  media.save();
  store.save();
}

/** The one draft a preview build renders, as the only entry of its collection. */
export function previewLoader(preview: PreviewFile, cmsUrl: string): Loader {
  return {
    name: `preview-${preview.type}`,
    load: async (context) => replaceEntries(context, preview.type, [preview.entry], cmsUrl),
  };
}

/** Types a preview does not show: empty, so the build renders next to nothing else. */
export function emptyLoader(name: string): Loader {
  return { name: `empty-${name}`, load: async (context) => replaceEntries(context, name, [], '') };
}
