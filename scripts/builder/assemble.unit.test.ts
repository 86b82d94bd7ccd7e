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
async function liveSite(overrides: Record<string, string> = {}) {
  const config = testConfig({
    BUILD_COMMAND: `${FAKE_SITE}\nfor p in kept old; do mkdir -p "$OUT/en/$p"; echo "$p" > "$OUT/en/$p/index.html"; done`,
    ...overrides,
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

/** Every file of a build with its text, every link with its target, every empty folder: what a reader can see. */
function treeOf(dir: string): Record<string, string> {
  const root = fs.realpathSync(dir);
  const tree: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(root, full);
    if (entry.isSymbolicLink()) tree[rel] = `→ ${fs.readlinkSync(full)}`;
    else if (entry.isFile()) tree[rel] = fs.readFileSync(full, 'utf8');
    else if (fs.readdirSync(full).length === 0) tree[`${rel}/`] = '';
  }
  return tree;
}

describe('the builder makes a build’s folder from the spare at the cost of the changes since', () => {
  /** Publishes that render, replace and drop files and folders, and link a new search bundle. */
  const steps: Array<{ files: Record<string, string>; dropped: string[]; bundle?: string }> = [
    { files: { 'en/a/index.html': 'a1' }, dropped: ['en/old'] },
    { files: { 'en/b/index.html': 'b1', 'en/a/index.html': 'a2' }, dropped: [], bundle: 'en-2026' },
    { files: { 'sq/c/d/index.html': 'c1', 'sq/c/e.json': 'e1' }, dropped: ['en/kept/index.html'] },
    { files: {}, dropped: ['en/a'], bundle: 'en-2025' },
    { files: { 'en/kept/index.html': 'again', 'en/b/index.html': 'b2' }, dropped: ['pagefind/en-2026'] },
    { files: { 'en/a/index.html': 'a3' }, dropped: ['sq/c'], bundle: 'en-2026' },
    { files: { 'sq/c/index.html': 'c2' }, dropped: ['en/b/index.html'] },
  ];

  /** Runs the steps one publish after another; answers each build's record and the files it should hold. */
  async function publishAll(
    config: ReturnType<typeof testConfig>,
    next: (command: string) => Builder,
    beforeEach = () => {},
  ) {
    const store = searchBundlesDir(config.BUILDS_DIR);
    const expected = treeOf(currentLink(config.BUILDS_DIR));
    const records = [];
    for (const [i, step] of steps.entries()) {
      const id = `20260101T00001${i}Z-s00${i}`;
      const stored = step.bundle ? { [step.bundle]: `${step.bundle}.${id}` } : {};
      const command = [
        siteWriting(step.files, incremental(step.dropped, { search: { bundles: [], pagesIndexed: 0, stored } })),
        ...Object.values(stored).map((folder) => `mkdir -p "${store}/${folder}"; echo ${id} > "${store}/${folder}/x"`),
      ].join('\n');
      const builder = next(command);
      beforeEach();
      await builder.build(id, []);
      for (const rel of Object.keys(expected))
        if (step.dropped.some((d) => rel === d || rel.startsWith(`${d}/`))) delete expected[rel];
      Object.assign(expected, step.files);
      for (const [name, folder] of Object.entries(stored))
        expected[`pagefind/${name}`] = `→ ../../.search-bundles/${folder}`;
      records.push(builder.status().builds[0]);
      expect(records.at(-1), id).toMatchObject({ result: 'live', mode: 'incremental' });
      expect(treeOf(currentLink(config.BUILDS_DIR)), id).toEqual(expected);
      expect(records.at(-1)?.pages, id).toBe(Object.keys(expected).filter((rel) => rel.endsWith('.html')).length);
      const built = fs.realpathSync(currentLink(config.BUILDS_DIR));
      const writable = fs
        .readdirSync(built, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).mode & 0o222);
      expect(
        writable.map((entry) => entry.name),
        id,
      ).toEqual([]);
    }
    return records;
  }

  it('gives each build the live build’s files less what it dropped plus what it rendered, and counts its pages', async () => {
    const { config, next } = await liveSite({ KEEP_BUILDS: '2' });
    const records = await publishAll(config, next);
    // The first spare is retired by the second publish; from the third on, every folder is made from it.
    expect(records.map((r) => r.carriedBy)).toEqual(['linked', 'linked', ...steps.slice(2).map(() => 'changes')]);
  }, 60_000);

  it('compares every file when a delta on the way is missing or names a path outside the build', async () => {
    const { config, next } = await liveSite({ KEEP_BUILDS: '2' });
    const outside = path.join(config.BUILDS_DIR, 'x');
    fs.writeFileSync(outside, 'not the build’s');
    const deltas = path.join(config.BUILDS_DIR, '.deltas');
    const tamper = () => {
      for (const [n, name] of (fs.existsSync(deltas) ? fs.readdirSync(deltas) : []).entries()) {
        const file = path.join(deltas, name);
        if (n % 2 === 0) fs.rmSync(file);
        else
          fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), changed: ['../x'] }));
      }
    };
    const records = await publishAll(config, next, tamper);
    expect(records.slice(2).map((r) => r.carriedBy)).toEqual(steps.slice(2).map(() => 'compared'));
    expect(fs.readFileSync(outside, 'utf8')).toBe('not the build’s');
  }, 60_000);
});
