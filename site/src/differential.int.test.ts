import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILD_EVENTS, CONTENT_TYPES, type Locale } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi, releaseData } from '@newsroom/cms/testing';
import { SiteWorker, siteWorkerScript, typesNamed } from '@newsroom/scripts/testing';
import { siteBuilds } from '../test/builds';

/**
 * Random edits against a real CMS, each followed by an incremental build from the previous
 * one and a full build of the same content: they must be the same files, byte for byte. As in
 * production, the builds after the worker's first render with the page code it bundled
 * (decisions/0015); every tenth full build, with a fresh cache, is Astro's own build, in a
 * process of its own, so the kept code is held to Astro's output too.
 * `npm test` runs a short walk with a fixed seed; `npm run test:differential -w site` a long
 * one with a new seed. DIFFERENTIAL_STEPS and DIFFERENTIAL_SEED replay a failure's walk.
 */
const STEPS = Number(process.env.DIFFERENTIAL_STEPS || 100);
const SEED =
  process.env.DIFFERENTIAL_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.DIFFERENTIAL_SEED || 20261201);

const RELEASE = CONTENT_TYPES.release.uid;
const PERSON = CONTENT_TYPES.person.uid;
const TAG = CONTENT_TYPES.tag.uid;
const LOCALES: Locale[] = ['sq', 'en', 'sr-Latn'];

/**
 * Dates on both sides of a month's and a year's end in office time (Europe/Belgrade): 23:59 on
 * 31 October and 00:01 on 1 November, 23:30 on New Year's Eve and 00:30 on New Year's Day.
 */
const DATES = [
  '2026-10-31T22:59:00.000Z',
  '2026-10-31T23:01:00.000Z',
  '2025-12-31T22:30:00.000Z',
  '2025-12-31T23:30:00.000Z',
  '2026-03-15T09:00:00.000Z',
  '2024-06-01T09:00:00.000Z',
];

const locale = fc.constantFrom(...LOCALES);
const pick = fc.nat(20);
const date = fc.nat(DATES.length - 1);
const onRelease = <K extends string>(kind: K) => fc.record({ do: fc.constant(kind), pick, locale });

/** One arbitrary per kind of edit an editor makes. */
const KINDS = {
  create: fc.record({ do: fc.constant('create' as const), locale, date }),
  edit: fc.record({
    do: fc.constant('edit' as const),
    pick,
    locale,
    field: fc.constantFrom('title' as const, 'body' as const, 'date' as const),
    date,
    publish: fc.boolean(),
  }),
  translate: onRelease('translate' as const),
  untranslate: onRelease('untranslate' as const),
  publish: onRelease('publish' as const),
  unpublish: onRelease('unpublish' as const),
  delete: onRelease('delete' as const),
  withdraw: onRelease('withdraw' as const),
  changeNote: onRelease('changeNote' as const),
  retag: fc.record({ do: fc.constant('retag' as const), pick, locale, tag: fc.nat(2) }),
  person: fc.record({ do: fc.constant('person' as const), pick, locale, person: fc.nat(1) }),
  renamePerson: fc.record({ do: fc.constant('renamePerson' as const), person: fc.nat(1), locale }),
  embargo: onRelease('embargo' as const),
  lift: onRelease('lift' as const),
};
const step = fc.oneof(...Object.values(KINDS));
const kinds = Object.keys(KINDS) as Array<keyof typeof KINDS>;

/** Every kind of edit once, in a random order, then random edits up to `length`. */
const walk = (length: number) =>
  fc
    .shuffledSubarray(kinds, { minLength: kinds.length, maxLength: kinds.length })
    .chain((order) => fc.tuple(...order.map((kind) => KINDS[kind] as fc.Arbitrary<Step>)))
    .chain((first) =>
      fc
        .array(step, { minLength: Math.max(0, length - first.length), maxLength: Math.max(0, length - first.length) })
        .map((rest) => [...first, ...rest].slice(0, length)),
    );
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

let app: TestStrapi;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-differential-'));
// Not started afresh after its 200 builds, as the builder's is: a long walk runs more, and
// each of its publishes is to render with the kept page code.
const worker = new SiteWorker(siteWorkerScript(), Infinity);
const astroWorker = new SiteWorker(siteWorkerScript(), 1);
const { build, expectSameAsFullBuild } = siteBuilds(work, () => app.url, worker, { astroWorker });
const people: string[] = [];
const tags: string[] = [];
/** The corpus's releases and those the walk made, by documentId (a deleted one stays: a step on it is refused). */
const releases: string[] = [];
/** The events the CMS emitted since the last build, as its webhook sends them to the builder. */
const emitted: Array<{ event: string; uid?: string; receivedAt: string }> = [];

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/**
 * Strapi emits an entry's events once its transaction is committed and the entry read back,
 * after the call returns: waits until none has come for a while, as the builder's quiet window does.
 */
async function eventsSettled(quietMs = 100) {
  for (let seen = -1; seen !== emitted.length;) {
    seen = emitted.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/** Applies one step through the document service, as the admin would; a step the CMS refuses changes nothing. */
async function apply(s: Step): Promise<void> {
  const documents = app.strapi.documents(RELEASE);
  if (s.do === 'create') {
    const title = `Release ${releases.length + 1} ${s.locale}`;
    const created = await documents.create({
      locale: s.locale,
      data: releaseData(title, { issuedAt: DATES[s.date], tags: [tags[0]], people: [people[0]] }) as never,
    });
    releases.push(created.documentId);
    return;
  }
  if (s.do === 'renamePerson') {
    const person = people[s.person];
    await app.strapi.documents(PERSON).update({
      documentId: person,
      locale: s.locale,
      data: { name: `Person ${s.person} renamed ${Date.now()}` } as never,
    });
    await app.strapi.documents(PERSON).publish({ documentId: person, locale: s.locale });
    return;
  }
  const documentId = releases[s.pick % releases.length];
  const where = { documentId, locale: s.locale };
  const publish = () => documents.publish(where);
  switch (s.do) {
    case 'edit': {
      const data =
        s.field === 'title'
          ? { title: `Edited ${Date.now()}` }
          : s.field === 'body'
            ? { body: releaseData(`edited ${Date.now()}`).body }
            : { issuedAt: DATES[s.date] };
      await documents.update({ ...where, data: data as never });
      if (s.publish) await publish();
      return;
    }
    case 'translate':
      await documents.update({ ...where, data: releaseData(`Release in ${s.locale} ${Date.now()}`) as never });
      return publish().then(() => undefined);
    case 'untranslate':
      await documents.delete(where);
      return;
    case 'publish':
      await publish();
      return;
    case 'unpublish':
      await documents.unpublish(where);
      return;
    case 'delete':
      await documents.delete({ documentId, locale: '*' } as never);
      return;
    case 'withdraw':
      await documents.update({
        ...where,
        data: {
          withdrawal: { reason: 'outdated', explanation: 'Replaced by a newer release.', withdrawnAt: new Date() },
        } as never,
      });
      await publish();
      return;
    case 'changeNote': {
      const draft = (await documents.findOne({ ...where, populate: ['changeNotes'] } as never)) as {
        changeNotes?: Array<{ date: string; text: string }>;
      } | null;
      const notes = (draft?.changeNotes ?? []).map(({ date, text }) => ({ date, text }));
      await documents.update({
        ...where,
        data: { changeNotes: [...notes, { date: yesterday(), text: `Corrected ${Date.now()}` }] } as never,
      });
      await publish();
      return;
    }
    case 'retag':
      await documents.update({ ...where, data: { tags: [tags[s.tag]] } as never });
      await publish();
      return;
    case 'person':
      await documents.update({ ...where, data: { people: [people[s.person]] } as never });
      await publish();
      return;
    case 'embargo':
    case 'lift':
      await documents.update({
        ...where,
        data: { embargoUntil: s.do === 'embargo' ? new Date(Date.now() + 86_400_000).toISOString() : null } as never,
      });
      await publish();
      return;
  }
}

/** The corpus the walk starts from: two people, three tags and three releases in every language, published. */
async function seedCorpus() {
  for (const [i, kind] of (['prime-minister', 'minister'] as const).entries()) {
    const person = app.strapi.documents(PERSON);
    const { documentId } = await person.create({
      locale: 'sq',
      data: { name: `Person ${i}`, role: 'Role', kind } as never,
    });
    for (const l of LOCALES.slice(1))
      await person.update({ documentId, locale: l, data: { name: `Person ${i} (${l})`, role: 'Role', kind } as never });
    for (const l of LOCALES) await person.publish({ documentId, locale: l });
    people.push(documentId);
  }
  for (const i of [0, 1, 2]) {
    const tag = app.strapi.documents(TAG);
    const { documentId } = await tag.create({ locale: 'sq', data: { name: `Tag ${i}` } as never });
    for (const l of LOCALES.slice(1))
      await tag.update({ documentId, locale: l, data: { name: `Tag ${i} ${l}` } as never });
    for (const l of LOCALES) await tag.publish({ documentId, locale: l });
    tags.push(documentId);
  }
  for (const [i, date] of [DATES[0], DATES[2], DATES[4]].entries()) {
    const documents = app.strapi.documents(RELEASE);
    const data = (l: Locale) =>
      releaseData(`Release ${i + 1} ${l}`, { issuedAt: date, tags: [tags[i]], people: [people[i % 2]] }) as never;
    const { documentId } = await documents.create({ locale: 'sq', data: data('sq') });
    for (const l of LOCALES.slice(1)) await documents.update({ documentId, locale: l, data: data(l) });
    for (const l of LOCALES) await documents.publish({ documentId, locale: l });
    releases.push(documentId);
  }
}

beforeAll(async () => {
  app = await startStrapi({ listen: true });
  for (const event of BUILD_EVENTS)
    app.strapi.eventHub.on(event, (payload: { uid?: string } | undefined) => {
      emitted.push({ event, uid: payload?.uid, receivedAt: '' });
      return Promise.resolve();
    });
  await seedCorpus();
});

afterAll(async () => {
  worker.stop();
  astroWorker.stop();
  await app?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('incremental builds, against full builds', () => {
  it(
    `equal a full build of the same content after each of ${STEPS} random edits (seed ${SEED})`,
    async () => {
      const log: string[] = [];
      let refused = 0;
      let live = (await build('step-0', { cache: path.join(work, 'incremental-cache') })).dir;
      emitted.length = 0;
      await fc.assert(
        fc.asyncProperty(walk(STEPS), async (steps) => {
          for (const [i, s] of steps.entries()) {
            const started = Date.now();
            try {
              await apply(s);
              log.push(`${i + 1}. ${JSON.stringify(s)} (${Date.now() - started} ms)`);
            } catch (error) {
              refused += 1;
              log.push(`${i + 1}. ${JSON.stringify(s)} (refused: ${(error as Error).message})`);
            }
            const name = `step-${i + 1}`;
            // As the builder plans it: only the types the CMS's events named are synced.
            await eventsSettled();
            const changedTypes = typesNamed(emitted.splice(0)) ?? undefined;
            log.push(`   synced: ${changedTypes?.join(', ') ?? 'every type'}`);
            const { dir, report } = await build(name, {
              base: path.basename(live),
              cache: path.join(work, 'incremental-cache'),
              changedTypes,
            });
            expect(report.mode, `${log.join('\n')}\n${report.fullBecause ?? ''}`).toBe('incremental');
            // Every build before it was Astro's, in the same worker: a publish renders with the page code it bundled.
            expect(report.pageCode).toBe('kept');
            try {
              // A fresh cache every tenth step, otherwise the full builds' own: the loader's store is tested too.
              const full = await expectSameAsFullBuild(
                dir,
                `full-${i + 1}`,
                path.join(work, `full-cache-${Math.floor(i / 10)}`),
                { astro: i % 10 === 0 },
              );
              fs.rmSync(full.dir, { recursive: true, force: true });
            } catch (error) {
              throw new Error(`After these steps (seed ${SEED}):\n${log.join('\n')}\n${(error as Error).message}`);
            }
            fs.rmSync(live, { recursive: true, force: true });
            live = dir;
          }
        }),
        { seed: SEED, numRuns: 1, endOnFailure: true },
      );
      console.log(`The walk (seed ${SEED}):\n${log.join('\n')}`);
      // A walk the CMS mostly refused would prove nothing.
      expect(refused, log.join('\n')).toBeLessThan(STEPS / 2);
      // Two builds a step, each well under half a minute on this corpus.
    },
    120_000 + STEPS * 60_000,
  );
});
