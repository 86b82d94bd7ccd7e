import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { ACCREDITATION_TYPES, CONTENT_TYPES, FORMS, LOCALES, OFFICE_TIME_ZONE } from '@newsroom/shared-types';
import { ACTIONS, CLOSED } from '../../requests/process';
import { INTAKE } from '../../requests/intake';
import { FIELD_WORDS } from '../../editorial/edit-view';
import { UID } from '../content-types';
import { TRANSLATION_TONES } from '../editorial/states';
import { CLOCKS, FIELDS, GRANTED_TYPES, OWN_PROBLEMS, STATES } from '../requests/words';
import { ADMIN_LOCALES, languageNativeNames } from './native-names';
import { TRANSLATIONS } from './index';
import { OFFICE_TIME_ZONE as ADMIN_OFFICE_TIME_ZONE } from './office-time';
import en from './en.json';
import sq from './sq.json';
import srLatn from './sr-Latn.json';

const LANGUAGES: Record<string, Record<string, string>> = { sq, 'sr-Latn': srLatn };
const ours = (messages: Record<string, string>) =>
  Object.keys(messages)
    .filter((id) => id.startsWith('newsroom.'))
    .sort();
/** The arguments and tags of an ICU message (and a parse error if it is not one). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type !== TYPE.literal && element.type !== TYPE.pound) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

/** Every literal `newsroom.…` id in the admin's source. */
function idsInSource(dir = path.resolve(import.meta.dirname, '..')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) return idsInSource(file);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith('.test.ts')) return [];
    return [...fs.readFileSync(file, 'utf8').matchAll(/'(newsroom\.[A-Za-z0-9.-]+[A-Za-z0-9])'/g)].map((m) => m[1]);
  });
}

/** The content types' schemas: their names as the admin shows them, and their fields. */
const API = path.resolve(import.meta.dirname, '../../api');
const SCHEMAS = fs.readdirSync(API).flatMap((api) =>
  fs.readdirSync(path.join(API, api, 'content-types')).map(
    (type) =>
      JSON.parse(fs.readFileSync(path.join(API, api, 'content-types', type, 'schema.json'), 'utf8')) as {
        info: { displayName: string };
        attributes: Record<string, unknown>;
      },
  ),
);

const require = createRequire(import.meta.url);
const packageRoot = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

/** The files under a folder, recursively. */
const filesIn = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file));

/** The values of an enumeration field, as the schema declares them. */
const enumOf = (api: string, field: string): string[] =>
  (
    JSON.parse(fs.readFileSync(path.join(API, api, 'content-types', api, 'schema.json'), 'utf8')) as {
      attributes: Record<string, { enum: string[] }>;
    }
  ).attributes[field].enum;

/** Strapi's English for the admin and the plugins an editor uses, by the ids the admin looks up. */
async function strapiEnglish(): Promise<Record<string, string>> {
  const root = packageRoot;
  const sources: Array<[string, string]> = [
    ['', path.join(root('@strapi/admin'), 'dist/admin/admin/src/translations/en.json.mjs')],
    ['content-manager.', path.join(root('@strapi/content-manager'), 'dist/admin/translations/en.json.mjs')],
    ['upload.', path.join(root('@strapi/upload'), 'dist/admin/translations/en.json.mjs')],
    ['i18n.', path.join(root('@strapi/i18n'), 'dist/admin/translations/en.json.mjs')],
  ];
  const all: Record<string, string> = {};
  for (const [prefix, file] of sources) {
    const { default: messages } = (await import(pathToFileURL(file).href)) as { default: Record<string, string> };
    for (const [id, message] of Object.entries(messages)) all[`${prefix}${id}`] = message;
  }
  return all;
}

/**
 * Ids Strapi's code looks up with only a default in the code (no entry in its English files),
 * and that default. The content manager's menu search is one.
 */
const USED_WITHOUT_ENGLISH: Record<string, string> = { 'search.placeholder': 'Search' };

describe('the admin’s languages', () => {
  it('knows each id Strapi uses without an English entry from Strapi’s own code', () => {
    const dist = path.join(packageRoot('@strapi/content-manager'), 'dist/admin');
    const code = filesIn(dist)
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    for (const [id, english] of Object.entries(USED_WITHOUT_ENGLISH))
      expect(code).toMatch(new RegExp(`id: '${id}',\\s*defaultMessage: '${english}'`));
  });

  it('offers Albanian and Serbian (Latin script), named as the site names them', () => {
    for (const code of ADMIN_LOCALES)
      expect(languageNativeNames[code]).toBe(LOCALES.find((l) => l.code === code)!.name);
    expect(Object.keys(languageNativeNames).sort()).toEqual(['en', ...ADMIN_LOCALES].sort());
  });

  it('has every word of our pages in every language, with the same placeholders', () => {
    for (const [code, messages] of Object.entries(LANGUAGES)) {
      expect(ours(messages), code).toEqual(ours(en));
      for (const id of ours(en)) {
        expect(messages[id], `${code} ${id}`).toBeTruthy();
        expect(placeholders(messages[id]), `${code} ${id}`).toEqual(placeholders(en[id as keyof typeof en]));
      }
    }
  });

  it('has a word for every id our pages use, and for every code they show', () => {
    const used = new Set(idsInSource());
    expect(used.size).toBeGreaterThan(40);
    const coded = [
      ...Object.keys(FORMS).map((k) => `newsroom.requests.kind.${k}`),
      ...[...Object.keys(ACTIONS), INTAKE.action].map((a) => `newsroom.requests.action.${a}`),
      `newsroom.requests.actor.${INTAKE.actor}`,
      ...enumOf('document-request', 'preferredFormat').map((f) => `newsroom.requests.format.${f}`),
      ...[...new Set(Object.values(ACTIONS).flatMap((a) => a.needs))].map((n) => `newsroom.requests.need.${n}`),
      ...['required', 'not-allowed', 'out-of-range', 'once', 'not-an-officer', 'not-found', ...OWN_PROBLEMS].map(
        (p) => `newsroom.requests.problem.${p}`,
      ),
      ...STATES.map((s) => `newsroom.requests.state.${s}`),
      ...GRANTED_TYPES.map((g) => `newsroom.requests.grantedType.${g}`),
      ...CLOCKS.map((c) => `newsroom.requests.clock.${c}`),
      ...FIELDS.map((f) => `newsroom.requests.field.${f}`),
      ...Object.keys(TRANSLATION_TONES).map((s) => `newsroom.desk.status.${s}`),
      ...Object.keys(UID).map((t) => `newsroom.type.${t}`),
      ...Object.keys(FIELD_WORDS).flatMap((f) => [`newsroom.field.${f}`, `newsroom.hint.${f}`]),
    ];
    for (const id of [...used, ...coded]) expect(en, id).toHaveProperty([id]);
    expect([...GRANTED_TYPES]).toEqual([...ACCREDITATION_TYPES]);
    // Every state the process leads to is one the desk can name.
    for (const state of [...Object.values(ACTIONS).flatMap((a) => [...a.from, a.to]), ...CLOSED].filter(Boolean))
      expect(STATES).toContain(state);
  });

  it('labels every field of every content type, and names every collection, in every language', () => {
    expect(SCHEMAS.length).toBe(Object.keys(CONTENT_TYPES).length);
    for (const schema of SCHEMAS) {
      for (const field of Object.keys(schema.attributes)) expect(en, field).toHaveProperty([`newsroom.field.${field}`]);
      for (const [code, messages] of Object.entries(LANGUAGES))
        expect(messages[schema.info.displayName], `${code} ${schema.info.displayName}`).toBeTruthy();
    }
  });

  it('translates only words Strapi has, keeping its placeholders', async () => {
    const strapi = { ...(await strapiEnglish()), ...USED_WITHOUT_ENGLISH };
    const collections = new Set(SCHEMAS.map((schema) => schema.info.displayName));
    for (const [code, messages] of Object.entries(LANGUAGES)) {
      const theirs = Object.keys(messages).filter((id) => !id.startsWith('newsroom.') && !collections.has(id));
      expect(theirs.length, code).toBeGreaterThan(200);
      for (const id of theirs) {
        expect(strapi, `${code} ${id}`).toHaveProperty([id]);
        expect(placeholders(messages[id]), `${code} ${id}`).toEqual(placeholders(strapi[id]));
      }
    }
  });

  /** Strapi's admin modules (under node_modules/@strapi) whose source matches a pattern. */
  function strapiModulesMatching(pattern: RegExp): string[] {
    const strapi = path.dirname(packageRoot('@strapi/admin'));
    return fs
      .readdirSync(strapi)
      .flatMap((pkg) => (fs.existsSync(path.join(strapi, pkg, 'dist')) ? filesIn(path.join(strapi, pkg, 'dist')) : []))
      .filter((file) => file.endsWith('.mjs') && pattern.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(strapi, file))
      .sort();
  }

  it('stands in for the form only where the edit view and the preview import it, so the hints are ours and nothing else changes', () => {
    expect(
      strapiModulesMatching(/from '(\.\/components|\.\.\/\.\.\/pages\/EditView\/components)\/FormLayout\.mjs'/),
    ).toEqual([
      'content-manager/dist/admin/pages/EditView/EditViewPage.mjs',
      'content-manager/dist/admin/preview/pages/Preview.mjs',
    ]);
    expect(
      fs.existsSync(
        path.join(packageRoot('@strapi/content-manager'), 'dist/admin/pages/EditView/components/FormLayout.mjs'),
      ),
    ).toBe(true);
  });

  it('stands in for the list view’s language cell only where the translation plugin’s list-view hook imports it', () => {
    expect(strapiModulesMatching(/from '\.\.\/components\/LocaleListCell\.mjs'/)).toEqual([
      'i18n/dist/admin/contentManagerHooks/listView.mjs',
    ]);
    const locales = path.join(packageRoot('@strapi/i18n'), 'dist/admin/services/locales.mjs');
    expect(fs.readFileSync(locales, 'utf8')).toMatch(/export \{[^}]*\buseGetLocalesQuery\b/);
  });

  it('translates every word of the content manager, the media library and the translation picker', async () => {
    const strapi = await strapiEnglish();
    const editors = Object.keys(strapi).filter((id) => /^(content-manager|upload|i18n)\./.test(id));
    expect(editors.length).toBeGreaterThan(700);
    for (const [code, messages] of Object.entries(LANGUAGES))
      expect(
        editors.filter((id) => !messages[id]),
        code,
      ).toEqual([]);
  });

  it('translates each refusal of the CMS under the id the admin looks it up by, its English message', () => {
    const problems = Object.keys(en).filter((id) => id.startsWith('newsroom.problem.'));
    expect(problems.length).toBeGreaterThan(4);
    for (const [code, messages] of Object.entries({ en, ...LANGUAGES }))
      for (const id of problems)
        expect(TRANSLATIONS[code][`apiError.${en[id as keyof typeof en]}`], `${code} ${id}`).toBe(
          messages[id as keyof typeof messages],
        );
  });

  it('writes Serbian in Latin script only', () => {
    for (const [id, message] of Object.entries(srLatn)) expect(message, id).not.toMatch(/[\u0400-\u04FF]/);
  });

  it('writes the desks’ times in the office’s time zone', () => {
    expect(ADMIN_OFFICE_TIME_ZONE).toBe(OFFICE_TIME_ZONE);
  });

  it('names the content types as shared-types does', () => {
    for (const [type, uid] of Object.entries(UID))
      expect(CONTENT_TYPES[type as keyof typeof CONTENT_TYPES].uid).toBe(uid);
  });
});
