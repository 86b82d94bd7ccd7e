import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import words from '../admin/translations/en.json';

/**
 * The edit views in the office's words: the labels the README uses, with a hint where a rule
 * applies, and the fields editors must not set hidden. Set by bootstrap on every start, so
 * every installation gets it and it cannot drift; an editor's own layout otherwise stays.
 * Labels and hints are the admin's English (`newsroom.field.*`, `newsroom.hint.*`); the admin
 * shows them in the editor's language (hints through translations/HintedInputRenderer.tsx).
 */
const HINTED = [
  'issuedAt',
  'publishAt',
  'embargoUntil',
  'sendAheadToMedia',
  'changeNotes',
  'withdrawal',
  'leadImageAlt',
] as const;
type Id = keyof typeof words;
export const FIELD_WORDS: Record<string, { label: string; description: string }> = Object.fromEntries(
  HINTED.map((field) => [
    field,
    { label: words[`newsroom.field.${field}` as Id], description: words[`newsroom.hint.${field}` as Id] },
  ]),
);

/** Set by the CMS itself (the first publication's time): never by hand. */
export const HIDDEN_FIELDS = ['firstPublishedAt'];

type Cell = { name: string; size: number };
interface Configuration {
  metadatas?: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts?: { edit?: Cell[][]; list?: string[] };
  [key: string]: unknown;
}
type ContentTypesService = {
  findConfiguration(ct: { uid: string }): Promise<Configuration>;
  updateConfiguration(ct: { uid: string }, c: Configuration): Promise<unknown>;
};

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
  const edit = (config.layouts?.edit ?? [])
    .map((row) => row.filter((cell) => !HIDDEN_FIELDS.includes(cell.name)))
    .filter((row) => row.length > 0);
  return { ...config, metadatas, layouts: { ...config.layouts, edit } };
}

export async function ensureEditViews(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service<ContentTypesService>('content-types');
  for (const { uid } of Object.values(CONTENT_TYPES)) {
    const config = await service.findConfiguration({ uid });
    if (!config?.metadatas) continue;
    const wanted = officeEditView(
      config,
      Object.keys((strapi.getModel(uid as never) as { attributes: object }).attributes),
    );
    if (JSON.stringify(wanted) !== JSON.stringify(config)) await service.updateConfiguration({ uid }, wanted);
  }
}
