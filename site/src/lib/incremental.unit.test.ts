import testPlan from '../../test/build-plan';
import { describe, expect, it } from 'vitest';
import { buildSession, startBuildSession } from './build-session';
import { fileOfAddress, selectPaths } from './incremental';

const ROUTE = '/[lang]/[slug]/';
const page = (slug: string, entry: object, more: object = {}) => ({
  params: { lang: 'en', slug },
  props: { type: 'release', entry, ...more },
});
const slugs = (paths: Array<{ params: { slug: string } }>) => paths.map((p) => p.params.slug);

/** A build that starts from the last one's record, with no content changed: only the props tell what to render. */
function nextBuild() {
  const pages = buildSession().incremental.pages ?? new Map();
  const session = startBuildSession(testPlan);
  session.changes = { release: { changes: [] } };
  session.incremental = {
    base: '/live',
    manifest: {
      fingerprint: '',
      files: {},
      search: {},
      bundles: [],
      keys: [],
      digests: [],
      pages: Object.fromEntries([...pages].map(([file, { props }]) => [file, { props, reads: [] }])),
    },
  };
}

describe('the pages a build renders', () => {
  it('renders a page whose props differ from the live build’s, however the objects that hold them were made', async () => {
    const a = { documentId: 'a', title: 'A' };
    const b = { documentId: 'b', title: 'B' };
    startBuildSession(testPlan);
    expect(slugs(await selectPaths(ROUTE, [page('a', a), page('b', b)]))).toEqual(['a', 'b']);

    // The same objects, an equal copy of one, and a new page.
    nextBuild();
    const c = { documentId: 'c', title: 'C' };
    expect(slugs(await selectPaths(ROUTE, [page('a', a), page('b', { ...b }), page('c', c)]))).toEqual(['c']);

    // Another value in a copy, another prop beside the same entry.
    nextBuild();
    const changed = [page('a', a, { alternates: 2 }), page('b', { ...b, title: 'B, renamed' }), page('c', c)];
    expect(slugs(await selectPaths(ROUTE, changed))).toEqual(['a', 'b']);

    // And back: the props the build before last had are not this build's.
    nextBuild();
    expect(slugs(await selectPaths(ROUTE, [page('a', a), page('b', b), page('c', c)]))).toEqual(['a', 'b']);
  });
});

describe('the file of an address', () => {
  it.each([
    ['/en/press-releases/harbour/', 'en/press-releases/harbour/index.html'],
    ['/', 'index.html'],
    ['/en/rss.xml', 'en/rss.xml'],
    ['/sq/njoftime/%C3%A7el%C3%ABsi/', 'sq/njoftime/çelësi/index.html'],
    ['/_redirects', '_redirects'],
    ['/_retired.map', '_retired.map'],
    ['/en/_notes/', 'en/_notes/index.html'],
    ['/_notes', '_notes/index.html'],
  ])('%s is written as %s', (address, file) => {
    expect(fileOfAddress(address)).toBe(file);
  });
});
