import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import words from '../admin/translations/en.json';

/**
 * The edit views in the office's words: the labels the README uses, with a hint where a rule
 * applies, and the fields editors must not set hidden. Set by bootstrap on every start, so
 * every installation gets it and it cannot drift; an editor's own layout otherwise stays.
 * The labels are the admin's English (`newsroom.field.*`), which has them in every language.
 */
export const FIELD_WORDS: Record<string, { label: string; description: string }> = {
  issuedAt: { label: words['newsroom.field.issuedAt'], description: 'When the Office issued it; the site dates and orders it by this.' },
  publishAt: { label: words['newsroom.field.publishAt'], description: 'Save the draft without publishing: the CMS publishes every complete language at this time. Your computer’s time zone; the Office’s is Europe/Belgrade.' },
  embargoUntil: { label: words['newsroom.field.embargoUntil'], description: 'Nothing of it reaches the site, feeds, search or the API before this time, even if published.' },
  changeNotes: { label: words['newsroom.field.changeNotes'], description: 'For a major correction (a figure, a date, a name): shown on the page and sent up the feeds. A typo needs none. A published note cannot be removed.' },
  withdrawal: { label: words['newsroom.field.withdrawal'], description: 'For an outdated item: the page stays, with a notice and the date. An item published in error is unpublished instead (its address then answers 410 Gone).' },
  leadImageAlt: { label: words['newsroom.field.leadImageAlt'], description: 'What the picture shows, for readers who cannot see it.' },
};

/** Set by the CMS itself (the first publication's time): never by hand. */
export const HIDDEN_FIELDS = ['firstPublishedAt'];

type Cell = { name: string; size: number };
interface Configuration {
  metadatas?: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts?: { edit?: Cell[][]; list?: string[] };
  [key: string]: unknown;
}
type ContentTypesService = { findConfiguration(ct: { uid: string }): Promise<Configuration>; updateConfiguration(ct: { uid: string }, c: Configuration): Promise<unknown> };

/** One type's configuration with the office's words and without the hidden fields. */
export function officeEditView(config: Configuration, fields: string[]): Configuration {
  const metadatas = { ...config.metadatas };
  for (const field of fields) {
    const words = FIELD_WORDS[field];
    const hidden = HIDDEN_FIELDS.includes(field);
    if (!words && !hidden) continue;
    const current = metadatas[field] ?? {};
    metadatas[field] = {
      ...current,
      edit: { ...current.edit, ...(words ?? {}), ...(hidden ? { visible: false, editable: false } : {}) },
      list: { ...current.list, ...(words ? { label: words.label } : {}) },
    };
  }
  const edit = (config.layouts?.edit ?? []).map((row) => row.filter((cell) => !HIDDEN_FIELDS.includes(cell.name))).filter((row) => row.length > 0);
  return { ...config, metadatas, layouts: { ...config.layouts, edit } };
}

export async function ensureEditViews(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentTypesService;
  for (const { uid } of Object.values(CONTENT_TYPES)) {
    const config = await service.findConfiguration({ uid });
    if (!config?.metadatas) continue;
    const wanted = officeEditView(config, Object.keys((strapi.getModel(uid as never) as { attributes: object }).attributes));
    if (JSON.stringify(wanted) !== JSON.stringify(config)) await service.updateConfiguration({ uid }, wanted);
  }
}
