import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '@newsroom/shared-types';
import { Builder } from './builder';
import { currentLink, liveBuildId, searchBundlesDir } from './deploy';
import { digestTree, FAKE_SITE, testConfig } from './test-support';

const quiet = () => {};
const BASE = '20260101T000000Z-base';
const NEXT = '20260101T000001Z-next';

/** A build command that writes `files` (path → text) and the report `report`, as a site build would. */
function siteWriting(files: Record<string, string>, report: Partial<BuildReport> | Record<string, unknown>): string {
  const plan = FAKE_SITE.split('\n').slice(0, 3);
  const writes = Object.entries(files).map(
    ([rel, text]) => `mkdir -p "$(dirname "$OUT/${rel}")"; printf '%s' '${text}' > "$OUT/${rel}"`,
  );
  return [...plan, ...writes, `cat > "$REPORT" <<'JSON'\n${JSON.stringify(report)}\nJSON`].join('\n');
}

/** A live build of the stand-in site, with two more pages: one a publish keeps, one it drops. */
async function liveSite() {
  const config = testConfig({
    BUILD_COMMAND: `${FAKE_SITE}\nfor p in kept old; do mkdir -p "$OUT/en/$p"; echo "$p" > "$OUT/en/$p/index.html"; done`,
  });
  await new Builder(config, quiet).build(BASE, []);
  const next = (command: string) => new Builder({ ...config, BUILD_COMMAND: command }, quiet);
  return { config, next, live: path.join(config.BUILDS_DIR, BASE) };
}

const incremental = (dropped: unknown[], extra: Record<string, unknown> = {}) => ({
  mode: 'incremental',
  fromBase: { dropped },
  search: { bundles: [], pagesIndexed: 0 },
  ...extra,
});

describe('the builder assembles a build from the live one and what the site rendered', () => {
  it('carries the live build’s files, less those the site drops, and takes what it rendered', async () => {
    const { config, next, live } = await liveSite();
    const builder = next(siteWriting({ 'en/index.html': '<html lang=en>new</html>' }, incremental(['en/old'])));
    await builder.build(NEXT, []);
    expect(builder.status().builds[0]).toMatchObject({ result: 'live', mode: 'incremental', pages: 5 });
    const built = currentLink(config.BUILDS_DIR);
    expect(fs.readFileSync(path.join(built, 'en', 'index.html'), 'utf8')).toBe('<html lang=en>new</html>');
    expect(fs.existsSync(path.join(built, 'en', 'old'))).toBe(false);
    // Carried files are the live build's own, by hard link; the live build's own page is untouched.
    expect(fs.statSync(path.join(built, 'en', 'kept', 'index.html')).ino).toBe(
      fs.statSync(path.join(live, 'en', 'kept', 'index.html')).ino,
    );
    expect(fs.readFileSync(path.join(live, 'en', 'index.html'), 'utf8')).toContain('lang=en');
    expect(fs.existsSync(path.join(live, 'en', 'old', 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(config.BUILDS_DIR, '.staging'))).toBe(false);
  });

  it('links each search bundle the site wrote to the store, and carries the live build’s links', async () => {
    const { config, next } = await liveSite();
    const store = searchBundlesDir(config.BUILDS_DIR);
    const write = (id: string, bundle: string, dropped?: string[]) =>
      next(
        [
          siteWriting(
            {},
            {
              ...incremental(dropped ?? []),
              search: { bundles: [bundle], pagesIndexed: 1, stored: { [bundle]: `${bundle}.${id}` } },
            },
          ),
          `mkdir -p "${store}/${bundle}.${id}"; echo ${id} > "${store}/${bundle}.${id}/pagefind-entry.json"`,
        ].join('\n'),
      ).build(id, []);
    await write(NEXT, 'en-2026');
    await write('20260101T000002Z-more', 'en-2025');
    const search = path.join(currentLink(config.BUILDS_DIR), 'pagefind');
    expect(fs.readFileSync(path.join(search, 'en-2026', 'pagefind-entry.json'), 'utf8').trim()).toBe(NEXT);
    expect(fs.readFileSync(path.join(search, 'en-2025', 'pagefind-entry.json'), 'utf8').trim()).toBe(
      '20260101T000002Z-more',
    );
    expect(fs.lstatSync(path.join(search, 'en-2026')).isSymbolicLink()).toBe(true);
    // A bundle made anew replaces the live build's link to the old one.
    await write('20260101T000003Z-anew', 'en-2026', ['pagefind/en-2026']);
    expect(fs.readFileSync(path.join(search, 'en-2026', 'pagefind-entry.json'), 'utf8').trim()).toBe(
      '20260101T000003Z-anew',
    );
  });

  it('refuses a report that names a path outside the build, however it is spelled, and keeps the live site', async () => {
    const { config, next } = await liveSite();
    const outside = path.join(config.BUILDS_DIR, 'x');
    fs.writeFileSync(outside, 'not the build’s');
    const before = digestTree(currentLink(config.BUILDS_DIR));
    const spellings: Array<[string, Record<string, unknown>]> = [
      ...['../x', '/etc/hostname', 'en/../../x', './en', 'en//index.html', '', 'en/./old', 'en/\0', 7].map(
        (rel): [string, Record<string, unknown>] => [JSON.stringify(rel), incremental([rel])],
      ),
      ...[
        ['../x', 'a'],
        ['en-2026', '../../x'],
        ['en-2026', '.hidden'],
        ['en-2026', 'a/b'],
        ['EN-2026', 'a'],
      ].map(([name, folder]): [string, Record<string, unknown>] => [
        `${name} → ${folder}`,
        incremental([], { search: { bundles: [], pagesIndexed: 0, stored: { [name]: folder } } }),
      ]),
      ['a dropped list that is not a list', { ...incremental([]), fromBase: { dropped: '../x' } }],
    ];
    for (const [spelling, report] of spellings) {
      const builder = next(siteWriting({}, report));
      await builder.build(NEXT, []);
      expect(builder.status().builds[0], spelling).toMatchObject({ result: 'failed' });
      expect(builder.status().builds[0].error, spelling).toMatch(/outside its build|may not|no list/);
      expect(fs.existsSync(outside), spelling).toBe(true);
      expect(liveBuildId(config.BUILDS_DIR)).toBe(BASE);
      expect(digestTree(currentLink(config.BUILDS_DIR)), spelling).toBe(before);
      expect(fs.existsSync(path.join(config.BUILDS_DIR, NEXT)), spelling).toBe(false);
    }
  }, 60_000);

  it('refuses a dropped or rendered path through a carried link into the search store, and the store keeps its files', async () => {
    const { config, next } = await liveSite();
    const store = searchBundlesDir(config.BUILDS_DIR);
    const bundle = path.join(store, `en-2026.${NEXT}`);
    await next(
      [
        siteWriting(
          {},
          {
            ...incremental([]),
            search: { bundles: ['en-2026'], pagesIndexed: 1, stored: { 'en-2026': `en-2026.${NEXT}` } },
          },
        ),
        `mkdir -p "${bundle}"; echo shared > "${bundle}/pagefind-entry.json"`,
      ].join('\n'),
    ).build(NEXT, []);
    const before = digestTree(currentLink(config.BUILDS_DIR));
    const attempts: Array<[string, string]> = [
      ['a dropped path', siteWriting({}, incremental(['pagefind/en-2026/pagefind-entry.json']))],
      ['a rendered file', siteWriting({ 'pagefind/en-2026/pagefind-entry.json': 'overwritten' }, incremental([]))],
    ];
    for (const [what, command] of attempts) {
      const builder = next(command);
      await builder.build('20260101T000002Z-link', []);
      expect(builder.status().builds[0], what).toMatchObject({ result: 'failed' });
      expect(builder.status().builds[0].error, what).toMatch(/through a link/);
      expect(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8').trim(), what).toBe('shared');
      expect(digestTree(currentLink(config.BUILDS_DIR)), what).toBe(before);
    }
  });

  it('fails, and goes nowhere live, when the site reports an incremental build with no live build to carry', async () => {
    const builder = new Builder(testConfig({ BUILD_COMMAND: siteWriting({}, incremental([])) }), quiet);
    await builder.build(BASE, []);
    expect(builder.status().builds[0]).toMatchObject({ result: 'failed' });
    expect(builder.status().builds[0].error).toMatch(/no live build was carried/);
  });
});
