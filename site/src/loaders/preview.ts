import fs from 'node:fs';
import type { Loader } from 'astro/loaders';
import type { PageType } from '../lib/routes';
import { entryId } from './strapi';

export interface PreviewFile {
  type: PageType;
  entry: { documentId: string; locale: string; updatedAt: string } & Record<string, unknown>;
}

export const readPreviewFile = (file: string): PreviewFile => JSON.parse(fs.readFileSync(file, 'utf8')) as PreviewFile;

/** The one draft a preview build renders, as the only entry of its collection. */
export function previewLoader(preview: PreviewFile): Loader {
  return {
    name: `preview-${preview.type}`,
    load: async ({ store }) => {
      store.clear();
      store.set({ id: entryId(preview.entry.locale, preview.entry.documentId), data: preview.entry, digest: preview.entry.updatedAt });
    },
  };
}

/** Types a preview does not show: empty, so the build renders next to nothing else. */
export function emptyLoader(name: string): Loader {
  return { name: `empty-${name}`, load: async ({ store }) => store.clear() };
}
