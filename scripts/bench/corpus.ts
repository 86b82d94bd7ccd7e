import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, LOCALE_CODES, type ContentTypeKey, type Locale } from '@newsroom/shared-types';
import { drawPhoto } from '@newsroom/cms/testing';
import { paragraphs, prng, sentence } from './words';

/**
 * Where the corpus of `documents` per locale with `images` photos is kept (`npm run bench`
 * makes it once; `npm run bench:profile` reads it). There are never more photos than documents.
 */
export const corpusDir = (benchDir: string, documents: number, images: number) =>
  path.join(benchDir, 'cache', `corpus-${documents}-${Math.min(images, documents)}`);

/** How a real office's output divides: mostly releases and decisions. */
export const PROPORTIONS: Array<[ContentTypeKey, number]> = [
  ['release', 0.4],
  ['decision', 0.25],
  ['agendaItem', 0.12],
  ['statement', 0.1],
  ['speech', 0.08],
  ['gallery', 0.05],
];

const DAY = 86_400_000;
/** Twelve years of output, ending at a fixed day so corpora are identical across runs. */
const END = Date.UTC(2026, 10, 1);
const SPAN_DAYS = 12 * 365;

async function uploadPhoto(strapi: Core.Strapi, i: number): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-bench-'));
  const filepath = path.join(dir, `photo-${i}.jpg`);
  await fs.writeFile(filepath, await drawPhoto(`Photo ${i}`, (i * 37) % 360, 1200, 800));
  const { size } = await fs.stat(filepath);
  const [file] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: `photo-${i}.jpg`, alternativeText: `Photo ${i}` } },
      files: { filepath, originalFilename: `photo-${i}.jpg`, mimetype: 'image/jpeg', size },
    })) as Array<{ id: number }>;
  await fs.rm(dir, { recursive: true, force: true });
  return file.id;
}

type Data = Record<string, unknown>;

/** Shared fields and the words per locale of the i-th document of a type. */
function documentOf(
  type: ContentTypeKey,
  i: number,
  ctx: { images: number[]; people: string[]; tags: string[] },
): { shared: Data; words: (l: Locale) => Data; relations: Data } {
  const random = prng(i * 7919 + type.length);
  const at = new Date(END - Math.floor(random() * SPAN_DAYS) * DAY + 9 * 3600_000).toISOString();
  const image = ctx.images[i % ctx.images.length];
  const tags = [ctx.tags[i % ctx.tags.length], ctx.tags[(i * 3 + 1) % ctx.tags.length]];
  const person = ctx.people[i % ctx.people.length];
  const title = (l: Locale) => `${sentence(l, random, 6).slice(0, -1)} ${i}`;
  const text = (l: Locale) => ({ title: title(l), summary: sentence(l, random, 20) });
  switch (type) {
    case 'release':
      return {
        shared: { issuedAt: at, leadImage: image },
        words: (l) => ({
          ...text(l),
          dateline: 'Prishtinë',
          body: paragraphs(l, random, 4),
          leadImageAlt: sentence(l, random, 5),
        }),
        relations: { people: [person], tags },
      };
    case 'decision':
      return {
        shared: {
          number: `${String(i).padStart(5, '0')}/${at.slice(0, 4)}`,
          adoptedOn: at.slice(0, 10),
          legalStatus: 'in-force',
        },
        words: (l) => text(l),
        relations: { tags },
      };
    case 'agendaItem':
      return {
        shared: { startsAt: at, kind: i % 4 === 0 ? 'press-conference' : 'meeting', mediaCoverage: 'open' },
        words: (l) => ({ title: title(l), place: 'Prishtinë' }),
        relations: { people: [person] },
      };
    case 'statement':
      return {
        shared: { date: at, kind: i % 3 === 0 ? 'interview' : 'statement' },
        words: (l) => ({ ...text(l), body: paragraphs(l, random, 3) }),
        relations: { person, tags },
      };
    case 'speech':
      return {
        shared: { deliveredAt: at, kind: 'transcript' },
        words: (l) => ({ ...text(l), body: paragraphs(l, random, 6) }),
        relations: { speaker: person, tags },
      };
    case 'gallery':
      return {
        shared: { date: at.slice(0, 10) },
        words: (l) => ({
          title: title(l),
          description: sentence(l, random, 15),
          items: [0, 1, 2, 3].map((k) => ({
            __component: 'media.photo',
            image: ctx.images[(i + k * 101) % ctx.images.length],
            alt: sentence(l, random, 5),
          })),
        }),
        relations: { people: [person], tags },
      };
    default:
      throw new Error(`The corpus does not make ${type}`);
  }
}

async function createTranslated(
  strapi: Core.Strapi,
  type: ContentTypeKey,
  shared: Data,
  words: (l: Locale) => Data,
  relations: Data = {},
) {
  const documents = strapi.documents(CONTENT_TYPES[type].uid as never);
  let documentId = '';
  for (const locale of LOCALE_CODES) {
    const data = { ...shared, ...words(locale), ...relations };
    if (!documentId) documentId = (await documents.create({ locale, data } as never)).documentId;
    else await documents.update({ documentId, locale, data } as never);
  }
  for (const locale of LOCALE_CODES) await documents.publish({ documentId, locale } as never);
  return documentId;
}

/**
 * N documents per locale through Strapi's document service (so slugs, relations and
 * publication are what the admin makes), in transactions of 25 to spare the disk.
 */
export async function generateCorpus(
  strapi: Core.Strapi,
  options: { documents: number; images: number; log: (line: string) => void },
) {
  const images: number[] = [];
  for (let i = 0; i < options.images; i += 1) images.push(await uploadPhoto(strapi, i));
  options.log(`${images.length} images uploaded`);
  const people: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    people.push(
      await createTranslated(
        strapi,
        'person',
        { name: `Person ${i}`, kind: i === 0 ? 'prime-minister' : 'minister', order: i, portrait: images[i] },
        (l) => ({ role: sentence(l, prng(i), 3) }),
      ),
    );
  }
  const tags: string[] = [];
  for (let i = 0; i < 40; i += 1)
    tags.push(
      await createTranslated(strapi, 'tag', {}, (l) => ({
        name: `${sentence(l, prng(1000 + i), 2).slice(0, -1)} ${i}`,
      })),
    );
  await createTranslated(strapi, 'government', { startsOn: '2014-01-01', endsOn: '2021-03-21' }, (l) => ({
    name: `Government I (${l})`,
  }));
  await createTranslated(strapi, 'government', { startsOn: '2021-03-22' }, (l) => ({ name: `Government II (${l})` }));
  let made = 0;
  for (const [type, share] of PROPORTIONS) {
    const count = Math.round(options.documents * share);
    for (let start = 0; start < count; start += 25) {
      await strapi.db.transaction(async () => {
        for (let i = start; i < Math.min(count, start + 25); i += 1) {
          const doc = documentOf(type, i, { images, people, tags });
          await createTranslated(strapi, type, doc.shared, doc.words, doc.relations);
        }
      });
      made += Math.min(25, count - start);
      if (made % 500 < 25 || made === options.documents) options.log(`${made} documents`);
    }
  }
  return made;
}
