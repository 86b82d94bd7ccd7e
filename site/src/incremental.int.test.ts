import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi, releaseData, seedDemo, takeStep } from '@newsroom/cms/testing';
import { SiteWorker, siteWorkerScript } from '@newsroom/scripts/testing';
import { filesOf, siteBuilds } from '../test/builds';
import { buildSite } from '../test/build-site';
import { disclosureFeedPath, itemPath, specialPath } from './lib/routes';
import { fileOfAddress } from './lib/incremental';

const RELEASE = CONTENT_TYPES.release.uid;
let app: TestStrapi;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-incremental-'));
/** As in production, every build runs in the builder's one long-running worker process. */
const worker = new SiteWorker(siteWorkerScript());
const { build, expectSameAsFullBuild } = siteBuilds(work, () => app.url, worker);

/** Every file's contents (a digest), to show a build was not written into. */
const contentsOf = (dir: string) =>
  Object.fromEntries(
    filesOf(dir).map((f) => [
      f,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );

/**
 * A retired build as the builder keeps it for the next build (scripts/builder/deploy.ts): the
 * live build's files as hard links, with what later builds changed: a page gone, a page with
 * other content, a page the live build no longer has.
 */
function spareOf(live: string): string {
  const spare = path.join(work, 'spare');
  for (const file of filesOf(live)) {
    fs.mkdirSync(path.dirname(path.join(spare, file)), { recursive: true });
    fs.linkSync(path.join(live, file), path.join(spare, file));
  }
  const pages = filesOf(spare).filter((f) => f.endsWith('index.html'));
  fs.rmSync(
    path.join(
      spare,
      pages.find((f) => f.startsWith('en/'))!,
    ),
  );
  const older = pages.find((f) => f.startsWith('sq/'))!;
  fs.rmSync(path.join(spare, older));
  fs.writeFileSync(path.join(spare, older), 'an older version of the page');
  fs.mkdirSync(path.join(spare, 'en', 'gone-since'));
  fs.writeFileSync(path.join(spare, 'en', 'gone-since', 'index.html'), 'a page removed since');
  return spare;
}

beforeAll(async () => {
  app = await startStrapi({ listen: true });
  await seedDemo(app.strapi);
  // The worker's first build is Astro's, which bundles the page code the builds after it render with.
  const { report } = await build('live');
  expect(report.pageCode).toBe('bundled');
  // A full build gives Pagefind its item pages as they render, each bundle's in the bundle's order.
  expect(report.search.early?.used.sort()).toEqual([...report.search.bundles].sort());
});

afterAll(async () => {
  worker.stop();
  await app?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it('renders only what a publish affects, in a folder made from an older build, and produces, byte for byte, the files of a full build', async () => {
    const documents = app.strapi.documents(RELEASE);
    const people = await app.strapi.documents(CONTENT_TYPES.person.uid).findMany({ locale: 'en', status: 'published' });
    const tags = await app.strapi.documents(CONTENT_TYPES.tag.uid).findMany({ locale: 'en', status: 'published' });
    // A new release naming a person and a tag, in a month of its own.
    const created = await documents.create({
      locale: 'en',
      data: releaseData('Incremental new release', {
        issuedAt: '2019-02-14T09:00:00.000Z',
        people: [people[0].documentId],
        tags: [tags[0].documentId],
      }) as never,
    });
    await documents.publish({ documentId: created.documentId, locale: 'en' });
    const [edited, removed] = (
      await documents.findMany({ locale: 'sq', status: 'published', sort: 'issuedAt:desc' })
    ).filter((r) => !(r as { withdrawal?: unknown }).withdrawal);
    // An edit that renames the item and moves it to another month.
    await documents.update({
      documentId: edited.documentId,
      locale: 'sq',
      data: { title: 'Titull i ndryshuar', issuedAt: '2020-07-01T10:00:00.000Z' } as never,
    });
    await documents.publish({ documentId: edited.documentId, locale: 'sq' });
    await documents.unpublish({ documentId: removed.documentId, locale: 'sq' });

    // The build's folder is made from the builder's spare, which holds an older build.
    const spare = spareOf(path.join(work, 'live'));
    const liveBefore = contentsOf(path.join(work, 'live'));
    const incremental = await build('incremental', { base: 'live', spare });
    // Builds share files by hard link: the incremental build replaced files, never wrote into one.
    expect(contentsOf(path.join(work, 'live'))).toEqual(liveBefore);
    expect(incremental.report).toMatchObject({ mode: 'incremental', pageCode: 'kept' });
    // The search bundles the edit and the unpublish touched were started while the pages
    // rendered, without the pages that moved or went, and used.
    const early = incremental.report.search.early;
    expect(early?.started).toContain(`sq-${String(edited.issuedAt).slice(0, 4)}`);
    expect(early?.used).toEqual(early?.started);
    expect(fs.existsSync(spare)).toBe(false);
    const total = filesOf(incremental.dir).length;
    expect(incremental.report.files.rendered).toBeLessThan(total / 2);
    expect(incremental.report.files.reused).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(incremental.dir, itemPath('release', 'sq', removed.slug), 'index.html'))).toBe(
      false,
    );

    await expectSameAsFullBuild(incremental.dir, 'full');
  });

  it('renders again the pages that name a person when the person is renamed, and only those', async () => {
    const [person] = await app.strapi
      .documents(CONTENT_TYPES.person.uid)
      .findMany({ locale: 'en', status: 'published' });
    await app.strapi
      .documents(CONTENT_TYPES.person.uid)
      .update({ documentId: person.documentId, locale: 'en', data: { name: 'Renamed Person' } as never });
    await app.strapi.documents(CONTENT_TYPES.person.uid).publish({ documentId: person.documentId, locale: 'en' });
    const { dir, report } = await build('after-person', { base: 'incremental' });
    expect(report.mode, report.fullBecause).toBe('incremental');
    expect(report.files.rendered).toBeGreaterThan(1);
    expect(report.files.rendered).toBeLessThan(filesOf(dir).length / 2);
    expect(fs.readFileSync(path.join(dir, itemPath('person', 'en', person.slug), 'index.html'), 'utf8')).toContain(
      'Renamed Person',
    );
    await expectSameAsFullBuild(dir, 'full-after-person');
  });

  it('indexes only the edited language’s search bundle when one version of a translated item is edited', async () => {
    const documents = app.strapi.documents(RELEASE);
    const versions = await Promise.all(
      (['en', 'sq', 'sr-Latn'] as const).map((locale) =>
        documents.findMany({ locale, status: 'published', sort: 'issuedAt:desc' }),
      ),
    );
    const translated = versions[0].find((en) =>
      versions.slice(1).every((list) => list.some((other) => other.documentId === en.documentId)),
    )!;
    await documents.update({
      documentId: translated.documentId,
      locale: 'en',
      data: { title: 'A translated release, retitled in English' } as never,
    });
    await documents.publish({ documentId: translated.documentId, locale: 'en' });
    const { dir, report } = await build('after-translated-edit', { base: 'after-person' });
    expect(report.mode, report.fullBecause).toBe('incremental');
    // The Albanian and Serbian pages rendered again (their translations changed) and read as before.
    const again = (locale: 'sq' | 'sr-Latn') =>
      fileOfAddress(
        itemPath(
          'release',
          locale,
          versions[locale === 'sq' ? 1 : 2].find((v) => v.documentId === translated.documentId)!.slug,
        ),
      );
    expect(
      fs
        .readFileSync(path.join(dir, again('sq')))
        .equals(fs.readFileSync(path.join(work, 'after-person', again('sq')))),
    ).toBe(true);
    // Other English pages may show the new title (related items); no other language's bundle changed.
    expect(report.search.bundles).toContain(`en-${String(translated.issuedAt).slice(0, 4)}`);
    expect(report.search.bundles.filter((bundle) => !bundle.startsWith('en-'))).toEqual([]);
    await expectSameAsFullBuild(dir, 'full-after-translated-edit');
  });

  it('renders the disclosure log again when a request joins it, though no entry changed', async () => {
    const requests = app.strapi.documents(CONTENT_TYPES.documentRequest.uid);
    const { documentId } = (await requests.create({
      data: {
        name: 'Arben Requester',
        email: 'arben.requester@example.org',
        description: 'The contracts for the new ferry line',
        preferredFormat: 'electronic',
        language: 'en',
      } as never,
    })) as unknown as { documentId: string };
    await takeStep(app.strapi, 'documentRequest', documentId, 'grant', { answer: 'Attached.' }, 'officer@example.org');
    await requests.update({
      documentId,
      data: { publishInLog: true, disclosureSummary: 'JOINED the ferry line contracts' } as never,
    });
    const { dir, report } = await build('after-disclosure', { base: 'after-translated-edit' });
    expect(report.mode, report.fullBecause).toBe('incremental');
    const text = (address: string) => fs.readFileSync(path.join(dir, fileOfAddress(address)), 'utf8');
    expect(text(specialPath('disclosureLog', 'en'))).toContain('JOINED the ferry line contracts');
    expect(text(disclosureFeedPath('sq'))).toContain('JOINED the ferry line contracts');
    // The pages of items read nothing of it: they stay as they were.
    expect(report.files.rendered).toBeLessThan(filesOf(dir).length / 10);
    await expectSameAsFullBuild(dir, 'full-after-disclosure');
  });

  it('leaves its manifest when `astro build` runs by hand, so the next build starts from it', async () => {
    const byHand = (name: string, base?: string) =>
      buildSite({
        cmsUrl: app.url,
        siteUrl: 'https://site.example',
        outDir: path.join(work, name),
        cacheDir: path.join(work, 'by-hand-cache'),
        plan: base ? { base: path.join(work, base) } : {},
      });
    expect(await byHand('by-hand-1')).toMatchObject({ mode: 'full', pageCode: 'bundled' });
    const [release] = await app.strapi.documents(RELEASE).findMany({ locale: 'en', status: 'published' });
    await app.strapi
      .documents(RELEASE)
      .update({ documentId: release.documentId, locale: 'en', data: { summary: 'Edited by hand' } as never });
    await app.strapi.documents(RELEASE).publish({ documentId: release.documentId, locale: 'en' });
    expect(await byHand('by-hand-2', 'by-hand-1')).toMatchObject({ mode: 'incremental', pageCode: 'bundled' });
  });

  it('builds everything when the site’s configuration differs from the live build’s', async () => {
    process.env.SITE_TIME_ZONE = 'Europe/Tirane';
    try {
      const { report } = await build('other-zone', { base: 'after-person' });
      // Another configuration is another worker, whose first build is Astro's.
      expect(report).toMatchObject({
        mode: 'full',
        fullBecause: 'the site’s code or configuration changed',
        pageCode: 'bundled',
      });
    } finally {
      delete process.env.SITE_TIME_ZONE;
    }
  });
});
