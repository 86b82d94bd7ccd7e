import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_OUTCOMES,
  ACCESS_STATES,
  CONTENT_TYPES,
  REPLY_STATES,
  type ContentTypeDeclaration,
} from '@newsroom/shared-types';

interface Attribute {
  type: string;
  required?: boolean;
  maxLength?: number;
  enum?: string[];
  component?: string;
  components?: string[];
  target?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

interface Schema {
  info: { singularName: string; pluralName: string };
  options: { draftAndPublish: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, Attribute>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function schemaOf(uid: string): Schema {
  const [, name] = /^api::([a-z-]+)\.\1$/.exec(uid) ?? [];
  return readJson<Schema>(path.join(__dirname, 'api', name, 'content-types', name, 'schema.json'));
}

const componentFile = (uid: string) => path.join(__dirname, 'components', ...uid.split('.')) + '.json';

const declared = Object.values(CONTENT_TYPES) as ContentTypeDeclaration[];

describe('the Strapi content model', () => {
  it('has exactly the content types shared-types declares', () => {
    const folders = fs.readdirSync(path.join(__dirname, 'api')).sort();
    expect(folders).toEqual(declared.map((t) => t.uid.split('.')[1]).sort());
  });

  describe.each(declared.map((t) => [t.uid, t] as const))('%s', (uid, type) => {
    const schema = schemaOf(uid);

    it('uses the declared REST path, draft & publish and localization', () => {
      expect(schema.info.pluralName).toBe(type.plural);
      expect(schema.options.draftAndPublish).toBe(type.draftAndPublish);
      expect(schema.pluginOptions?.i18n?.localized === true).toBe(type.localized);
    });

    it('localizes exactly the translated fields and shares the rest', () => {
      const fields = Object.entries(schema.attributes);
      const localized = fields
        .filter(([, a]) => a.type !== 'relation' && a.pluginOptions?.i18n?.localized === true)
        .map(([n]) => n);
      const shared = fields
        .filter(([, a]) => a.type !== 'relation' && a.pluginOptions?.i18n?.localized !== true)
        .map(([n]) => n);
      const relations = fields.filter(([, a]) => a.type === 'relation').map(([n]) => n);
      expect(localized.sort()).toEqual([...type.translated].sort());
      expect(shared.sort()).toEqual([...type.shared].sort());
      expect(relations.sort()).toEqual([...type.relations].sort());
    });

    it('flags every field of a localized type explicitly, so no field is translated by accident', () => {
      if (!type.localized) return;
      for (const [name, attribute] of Object.entries(schema.attributes)) {
        if (attribute.type === 'relation') continue;
        expect(typeof attribute.pluginOptions?.i18n?.localized, `${uid}.${name}`).toBe('boolean');
      }
    });

    it('bounds every text field and requires the title or name', () => {
      for (const [name, attribute] of Object.entries(schema.attributes)) {
        if (['string', 'text', 'email'].includes(attribute.type))
          expect(attribute.maxLength, `${uid}.${name}`).toBeGreaterThan(0);
        if (attribute.type === 'enumeration') expect(attribute.enum?.length, `${uid}.${name}`).toBeGreaterThan(1);
      }
      if ('slugFrom' in type && type.slugFrom) expect(schema.attributes[type.slugFrom]?.required).toBe(true);
    });

    it('links only to declared types and existing components', () => {
      const uids = declared.map((t) => t.uid as string);
      for (const attribute of Object.values(schema.attributes)) {
        if (attribute.target) expect(uids).toContain(attribute.target);
        for (const component of [attribute.component, ...(attribute.components ?? [])].filter(Boolean) as string[]) {
          expect(fs.existsSync(componentFile(component)), component).toBe(true);
        }
      }
    });
  });

  it('gives the editorial types public change notes and a withdrawal', () => {
    for (const key of ['release', 'speech', 'statement', 'decision'] as const) {
      const { attributes } = schemaOf(CONTENT_TYPES[key].uid);
      expect(attributes.changeNotes).toMatchObject({
        type: 'component',
        component: 'shared.change-note',
        repeatable: true,
      });
      expect(attributes.withdrawal).toMatchObject({ type: 'component', component: 'shared.withdrawal' });
    }
    const note = readJson<{ attributes: Record<string, Attribute> }>(componentFile('shared.change-note'));
    expect(note.attributes.date).toMatchObject({ type: 'date', required: true });
    expect(note.attributes.text).toMatchObject({ type: 'text', required: true });
  });

  it('gives gallery photos a required image and alt text, a caption and a credit', () => {
    const photo = readJson<{ attributes: Record<string, Attribute> }>(componentFile('media.photo'));
    expect(photo.attributes.image).toMatchObject({ type: 'media', required: true });
    expect(photo.attributes.alt).toMatchObject({ type: 'string', required: true });
    expect(Object.keys(photo.attributes)).toEqual(expect.arrayContaining(['caption', 'credit']));
    expect(schemaOf(CONTENT_TYPES.gallery.uid).attributes.items.components).toEqual(['media.photo', 'media.video']);
  });

  it("moves the public's submissions through exactly the states shared-types declares", () => {
    const request = schemaOf(CONTENT_TYPES.documentRequest.uid).attributes;
    expect(request.status.enum).toEqual([...ACCESS_STATES]);
    expect(request.outcome.enum).toEqual([...ACCESS_OUTCOMES]);
    for (const t of [CONTENT_TYPES.mediaInquiry, CONTENT_TYPES.officeMessage])
      expect(schemaOf(t.uid).attributes.status.enum).toEqual([...REPLY_STATES]);
  });

  it('never names a field `status` on a draft & publish type (Strapi reserves it)', () => {
    for (const type of declared.filter((t) => t.draftAndPublish)) {
      expect(Object.keys(schemaOf(type.uid).attributes)).not.toContain('status');
    }
  });
});
