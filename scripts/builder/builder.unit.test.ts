import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Builder } from './builder';
import { currentLink, keptBuilds, liveBuildId, retain, searchBundlesDir, spareBuildDir, spareBuildId } from './deploy';
import { digestTree, FAKE_SITE, testConfig } from './test-support';
import { nginxBinary } from '../deploy/nginx-config';
import crypto from 'node:crypto';
import os from 'node:os';

const quiet = () => {};

/**
 * Opens a file as a user without privileges (root may write anything): "opened" or the
 * error code. Run as root, the test's folders are opened up for that user to reach the file.
 */
function openAsUnprivileged(file: string, flags: 'r' | 'r+'): string {
  const script = `try { require('node:fs').openSync(${JSON.stringify(file)}, '${flags}'); console.log('opened'); } catch (e) { console.log(e.code); }`;
  if (process.getuid?.() !== 0) return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim();
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir))
    fs.chmodSync(dir, fs.statSync(dir).mode | 0o055);
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', uid: 65534, gid: 65534 }).stdout.trim();
}

async function liveBuilder(overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const builder = new Builder(config, quiet);
  await builder.build('20260101T000000Z-base', []);
  return { config, builder };
}

describe('a build', () => {
  it('goes live by switching the current link to its folder', async () => {
    const { config, builder } = await liveBuilder();
    expect(liveBuildId(config.BUILDS_DIR)).toBe('20260101T000000Z-base');
    expect(fs.lstatSync(currentLink(config.BUILDS_DIR)).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(currentLink(config.BUILDS_DIR), 'sq', 'index.html'), 'utf8')).toContain('lang=sq');
    expect(builder.status().live).toMatchObject({ id: '20260101T000000Z-base', result: 'live', pages: 4 });
  });

  it('is signed with the key the environment gives, and places the office’s keys and log in it', async () => {
    const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const { config, builder } = await liveBuilder({ SIGNING_KEY: pem });
    const keyId = builder.status().signing?.keyId;
    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(builder.status().live).toMatchObject({ authenticity: { records: 0, logSize: 0, keyId } });
    const keys = JSON.parse(
      fs.readFileSync(path.join(currentLink(config.BUILDS_DIR), '.well-known', 'newsroom-keys.json'), 'utf8'),
    ) as { keys: { keyId: string }[] };
    expect(keys.keys.map((k) => k.keyId)).toEqual([keyId]);
    expect(fs.existsSync(path.join(currentLink(config.BUILDS_DIR), '.well-known', 'newsroom-log', 'head.json'))).toBe(
      true,
    );
  });

  it('says builds are unsigned without a key, and refuses a key kept inside the builds folder', () => {
    const lines: string[] = [];
    const unsigned = new Builder(testConfig(), (line) => lines.push(line));
    expect(unsigned.status().signing).toBeNull();
    expect(lines.join('\n')).toMatch(/builds are not signed/);
    const config = testConfig();
    const inside = path.join(config.BUILDS_DIR, 'key.pem');
    fs.writeFileSync(inside, crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'link-')), 'builds');
    fs.symlinkSync(config.BUILDS_DIR, link);
    for (const spelling of [
      inside,
      path.join(config.BUILDS_DIR, '..', path.basename(config.BUILDS_DIR), 'key.pem'),
      path.join(config.BUILDS_DIR, '.', 'key.pem'),
      path.join(link, 'key.pem'),
    ])
      expect(() => new Builder({ ...config, SIGNING_KEY_FILE: spelling }, quiet), spelling).toThrow(
        /inside the builds folder/,
      );
    const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'key-')), 'key.pem');
    fs.writeFileSync(elsewhere, 'not a key');
    expect(() => new Builder({ ...config, SIGNING_KEY_FILE: elsewhere }, quiet)).toThrow(/not a PEM private key/);
  });

  it('keeps the last five builds and never removes the live one', async () => {
    const { config, builder } = await liveBuilder();
    for (let i = 1; i <= 7; i += 1) await builder.build(`20260101T00000${i}Z-b00${i}`, []);
    expect(keptBuilds(config.BUILDS_DIR)).toEqual([
      '20260101T000003Z-b003',
      '20260101T000004Z-b004',
      '20260101T000005Z-b005',
      '20260101T000006Z-b006',
      '20260101T000007Z-b007',
    ]);
    expect(liveBuildId(config.BUILDS_DIR)).toBe('20260101T000007Z-b007');
  });

  it('takes an old build out of the kept set at once and deletes it in the background', async () => {
    const { config, builder } = await liveBuilder();
    for (let i = 1; i <= 2; i += 1) await builder.build(`20260101T00000${i}Z-b00${i}`, []);
    const leftover = path.join(config.BUILDS_DIR, '.removing-20251231T000000Z-gone');
    fs.mkdirSync(path.join(leftover, 'en'), { recursive: true });
    const removed = retain(config.BUILDS_DIR, 2);
    expect(keptBuilds(config.BUILDS_DIR)).toEqual(['20260101T000001Z-b001', '20260101T000002Z-b002']);
    await expect(builder.rollback('20260101T000000Z-base')).rejects.toThrow(/No kept build/);
    await removed;
    expect(fs.readdirSync(config.BUILDS_DIR).filter((name) => name.startsWith('.removing-'))).toEqual([]);
  });

  it('keeps the newest retired build as a spare for the next build’s folder, and deletes the others', async () => {
    const { config, builder } = await liveBuilder({ KEEP_BUILDS: '1' });
    const mark = (id: string) => fs.writeFileSync(path.join(config.BUILDS_DIR, id, 'id.txt'), id);
    mark('20260101T000000Z-base');
    await builder.build('20260101T000001Z-b001', []);
    expect(fs.readFileSync(path.join(spareBuildDir(config.BUILDS_DIR), 'id.txt'), 'utf8')).toBe(
      '20260101T000000Z-base',
    );
    mark('20260101T000001Z-b001');
    await builder.build('20260101T000002Z-b002', []);
    // The spare was not taken: the newer retired build replaces it, and it is deleted.
    expect(fs.readFileSync(path.join(spareBuildDir(config.BUILDS_DIR), 'id.txt'), 'utf8')).toBe(
      '20260101T000001Z-b001',
    );
    await expect
      .poll(() =>
        fs
          .readdirSync(config.BUILDS_DIR)
          .filter((name) => name.startsWith('.'))
          .sort(),
      )
      .toEqual(['.plans', '.spare', '.spare.json']);
    expect(spareBuildId(config.BUILDS_DIR)).toBe('20260101T000001Z-b001');
    expect(keptBuilds(config.BUILDS_DIR)).toEqual(['20260101T000002Z-b002']);
  });

  it('deletes the search bundles no kept build links to, and keeps those one does', async () => {
    const { config, builder } = await liveBuilder();
    for (let i = 1; i <= 2; i += 1) await builder.build(`20260101T00000${i}Z-b00${i}`, []);
    const store = searchBundlesDir(config.BUILDS_DIR);
    const linkFrom = (id: string, bundle: string) => {
      fs.mkdirSync(path.join(store, bundle), { recursive: true });
      fs.mkdirSync(path.join(config.BUILDS_DIR, id, 'pagefind'), { recursive: true });
      fs.symlinkSync(
        `../../.search-bundles/${bundle}`,
        path.join(config.BUILDS_DIR, id, 'pagefind', bundle.split('.')[0]),
        'dir',
      );
    };
    linkFrom('20260101T000000Z-base', 'en-2025.base');
    linkFrom('20260101T000001Z-b001', 'en-2026.b001');
    linkFrom('20260101T000002Z-b002', 'en-2026.b002');
    fs.mkdirSync(path.join(store, 'en-2026.failed'));
    await retain(config.BUILDS_DIR, 2);
    expect(fs.readdirSync(store).sort()).toEqual(['en-2026.b001', 'en-2026.b002']);
    expect(fs.readdirSync(path.join(currentLink(config.BUILDS_DIR), 'pagefind', 'en-2026'))).toEqual([]);
  });

  it('counts the pages on disk, whatever the build reports, and records where the time went', async () => {
    const { config } = await liveBuilder();
    const reported = new Builder(
      {
        ...config,
        BUILD_COMMAND: `${FAKE_SITE}\necho '{"mode":"incremental","pages":40,"files":{"rendered":3,"reused":37},"search":{"bundles":[],"pagesIndexed":0},"loaders":{},"timingsMs":{"until astro:build:done":5}}' > "$REPORT"`,
      },
      quiet,
    );
    await reported.build('20260101T000001Z-rep1', [{ event: 'entry.publish', receivedAt: new Date().toISOString() }]);
    expect(reported.status().builds[0]).toMatchObject({
      result: 'live',
      mode: 'incremental',
      pages: 4,
      files: { rendered: 3, reused: 37 },
    });
    // Where the time went: the site build's phases from its report, then the builder's own steps.
    const { timingsMs } = reported.status().builds[0];
    expect(Object.keys(timingsMs!)).toEqual([
      'waiting to start',
      'site build',
      'site build: until astro:build:done',
      'assemble',
      'sign',
      'seal and verify',
      'nginx check',
      'switch',
    ]);
    expect(timingsMs!['site build: until astro:build:done']).toBe(5);
  });

  it('makes a finished build read-only: none of its files can be opened for writing', async () => {
    const { config } = await liveBuilder();
    const live = fs.realpathSync(currentLink(config.BUILDS_DIR));
    for (const file of ['index.html', 'sq/index.html', 'en/rss.xml']) {
      expect(fs.statSync(path.join(live, file)).mode & 0o222, file).toBe(0);
      expect(openAsUnprivileged(path.join(live, file), 'r+'), file).toBe('EACCES');
      expect(openAsUnprivileged(path.join(live, file), 'r'), file).toBe('opened');
    }
  });

  it('asks the loader to refetch everything after a media change, and only then', async () => {
    const { config } = await liveBuilder();
    const mark = `${FAKE_SITE}\necho "$(plan refetch)" > "$OUT/refetch.txt"`;
    const builder = new Builder({ ...config, BUILD_COMMAND: mark }, quiet);
    await builder.build('20260101T000001Z-media', [{ event: 'media.update', receivedAt: '' }]);
    expect(fs.readFileSync(path.join(currentLink(config.BUILDS_DIR), 'refetch.txt'), 'utf8').trim()).toBe('all');
    await builder.build('20260101T000002Z-entry', [{ event: 'entry.publish', receivedAt: '' }]);
    expect(fs.readFileSync(path.join(currentLink(config.BUILDS_DIR), 'refetch.txt'), 'utf8').trim()).toBe('changed');
  });

  it('names the content types the events named, and none after a failed build or for an event that names none', async () => {
    const { config } = await liveBuilder();
    const mark = `${FAKE_SITE}\nnode -e 'const p = JSON.parse(require("fs").readFileSync(process.env.NEWSROOM_BUILD_PLAN, "utf8")); console.log(JSON.stringify(p.changedTypes ?? null))' > "$OUT/types.txt"\n[ -n "$FAIL" ] && exit 1\nexit 0`;
    const types = () =>
      JSON.parse(fs.readFileSync(path.join(currentLink(config.BUILDS_DIR), 'types.txt'), 'utf8')) as unknown;
    const builder = new Builder({ ...config, BUILD_COMMAND: mark }, quiet);
    const entry = (uid: string, event = 'entry.publish') => ({ event, uid, receivedAt: '' });
    const release = entry('api::release.release');
    await builder.build('20260101T000001Z-two', [release, entry('api::tag.tag', 'entry.update'), release]);
    expect(types()).toEqual(['release', 'tag']);
    for (const [id, trigger] of [
      ['20260101T000002Z-cms', [release, { event: 'cms.changed', receivedAt: '' }]],
      ['20260101T000003Z-media', [release, { event: 'media.update', receivedAt: '' }]],
      ['20260101T000004Z-none', [entry('api::unknown.unknown')]],
      ['20260101T000005Z-bare', [{ event: 'entry.publish', receivedAt: '' }]],
    ] as const) {
      await builder.build(id, [...trigger]);
      expect(types(), id).toBeNull();
    }
    process.env.FAIL = '1';
    try {
      await builder.build('20260101T000006Z-fail', [release]);
    } finally {
      delete process.env.FAIL;
    }
    await builder.build('20260101T000007Z-after', [release]);
    expect(types()).toBeNull();
    await builder.build('20260101T000008Z-again', [release]);
    expect(types()).toEqual(['release']);
  }, 30_000);

  it('builds from the live build only when the last build made it live, so no synced change is skipped', async () => {
    const { config } = await liveBuilder();
    const mark = `${FAKE_SITE}\necho "$(plan base)" > "$OUT/base.txt"\n[ -n "$FAIL" ] && exit 1\nexit 0`;
    const base = () => fs.readFileSync(path.join(currentLink(config.BUILDS_DIR), 'base.txt'), 'utf8').trim();
    const builder = new Builder({ ...config, BUILD_COMMAND: mark }, quiet);
    await builder.build('20260101T000001Z-next', []);
    expect(base()).toBe(path.join(config.BUILDS_DIR, '20260101T000000Z-base'));
    process.env.FAIL = '1';
    try {
      await builder.build('20260101T000002Z-fail', []);
    } finally {
      delete process.env.FAIL;
    }
    await builder.build('20260101T000003Z-after', []);
    expect(base()).toBe('');
    await builder.build('20260101T000004Z-again', []);
    expect(base()).toBe(path.join(config.BUILDS_DIR, '20260101T000003Z-after'));
    await builder.rollback('20260101T000001Z-next');
    await builder.build('20260101T000005Z-rolled', []);
    expect(base()).toBe('');
    expect(builder.status().builds[0]).toMatchObject({ result: 'live' });
  });

  it('goes live even when the hosted search cannot be reached, and reports that in its status', async () => {
    const { config } = await liveBuilder();
    const item = `${FAKE_SITE}\nmkdir -p "$OUT/en/x" && echo '<html lang="en"><article data-pagefind-body data-type="release" data-document="x"><h1>X</h1></article></html>' > "$OUT/en/x/index.html"`;
    const withSearch = new Builder(
      {
        ...config,
        BUILD_COMMAND: item,
        ALGOLIA_APP_ID: 'APP',
        ALGOLIA_ADMIN_KEY: 'key',
        ALGOLIA_HOST: 'http://127.0.0.1:9',
      },
      quiet,
    );
    await withSearch.build('20260101T000001Z-srch', []);
    expect(liveBuildId(config.BUILDS_DIR)).toBe('20260101T000001Z-srch');
    const [record] = withSearch.status().builds;
    expect(record.result).toBe('live');
    expect(record.search).toMatchObject({ result: 'failed' });
  }, 60_000);

  it('can be rolled back to a kept build', async () => {
    const { config, builder } = await liveBuilder();
    await builder.build('20260101T000001Z-next', []);
    await builder.rollback('20260101T000000Z-base');
    expect(liveBuildId(config.BUILDS_DIR)).toBe('20260101T000000Z-base');
    await expect(builder.rollback('../../etc')).rejects.toThrow(/No kept build/);
  });

  it('rolls back after a running build ends, so that build cannot undo the rollback', async () => {
    const { config } = await liveBuilder();
    const slow = new Builder({ ...config, BUILD_COMMAND: `sleep 1\n${FAKE_SITE}` }, quiet);
    slow.accept({ event: 'entry.publish' });
    while (!slow.queue.isRunning) await new Promise((r) => setTimeout(r, 10));
    await slow.rollback('20260101T000000Z-base');
    expect(slow.queue.isRunning).toBe(false);
    expect(slow.status().builds[0]).toMatchObject({ result: 'live' });
    expect(liveBuildId(config.BUILDS_DIR)).toBe('20260101T000000Z-base');
  });

  it('refuses to roll back to anything but a kept build, and leaves the live one', async () => {
    const { config, builder } = await liveBuilder();
    for (let i = 1; i <= 6; i += 1) await builder.build(`20260101T00000${i}Z-b00${i}`, []);
    const live = liveBuildId(config.BUILDS_DIR);
    // The oldest builds were retired (KEEP_BUILDS); their names are no longer kept ones.
    for (const id of [
      'current',
      '..',
      '.',
      '.spare',
      'history.json',
      '20260101T999999Z-none',
      '20260101T000000Z-base',
      '20260101T000001Z-b001',
    ]) {
      await expect(builder.rollback(id), id).rejects.toThrow(/No kept build/);
      expect(liveBuildId(config.BUILDS_DIR), id).toBe(live);
    }
    expect(fs.readlinkSync(path.join(config.BUILDS_DIR, 'current'))).toBe(live);
  });
});

describe('a failing build leaves the live site byte for byte unchanged and reports why', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'a command that fails',
      { BUILD_COMMAND: 'echo "CMS unreachable" >&2; exit 3' },
      /The build failed \(exit 3\)[\s\S]*CMS unreachable/,
    ],
    [
      'a command that hangs past the timeout',
      { BUILD_COMMAND: 'sleep 30', BUILD_TIMEOUT_MS: '1000' },
      /timed out after 1 s/,
    ],
    [
      'a broken site without a home page',
      { BUILD_COMMAND: `${FAKE_SITE}\nrm "$OUT/en/index.html"` },
      /no home page for \/en\//,
    ],
    [
      'a feed that is not XML',
      { BUILD_COMMAND: `${FAKE_SITE}\necho "<rss>" > "$OUT/sr/rss.xml"` },
      /\/sr\/rss.xml is not well-formed XML/,
    ],
    // nginx reads `$…` in a map value as a variable and refuses the whole configuration.
    [
      'an nginx map that nginx refuses',
      { BUILD_COMMAND: `${FAKE_SITE}\necho '"/sq/a/" "/sq/$nope/";' > "$OUT/_retired.map"` },
      /nginx refuses this build's _retired.map: .*unknown "nope" variable/,
    ],
  ];

  it.each(cases)('%s', async (_name, overrides, message) => {
    if (!nginxBinary()) throw new Error('nginx is needed for this test: apt-get install -y nginx (or set NGINX_PATH)');
    const { config } = await liveBuilder();
    const before = digestTree(currentLink(config.BUILDS_DIR));
    const failing = new Builder({ ...config, ...testConfig(overrides), BUILDS_DIR: config.BUILDS_DIR }, quiet);
    await failing.build('20260101T000009Z-fail', [{ event: 'entry.publish', receivedAt: '' }]);
    expect(digestTree(currentLink(config.BUILDS_DIR))).toBe(before);
    expect(liveBuildId(config.BUILDS_DIR)).toBe('20260101T000000Z-base');
    const [last] = failing.status().builds;
    expect(last).toMatchObject({ id: '20260101T000009Z-fail', result: 'failed' });
    expect(last.error).toMatch(message);
    expect(fs.existsSync(path.join(config.BUILDS_DIR, '20260101T000009Z-fail'))).toBe(false);
  });

  it('refuses a build whose page count collapsed while the CMS still lists as much', async () => {
    const { config } = await liveBuilder({
      BUILD_COMMAND: `${FAKE_SITE}\nfor i in $(seq 1 20); do mkdir -p "$OUT/p$i"; echo x > "$OUT/p$i/index.html"; done\necho '{"loaders":{"release":{"listed":20,"fetched":0,"removed":0}}}' > "$REPORT"`,
    });
    const shrunk = new Builder(
      {
        ...config,
        BUILD_COMMAND: `${FAKE_SITE}\necho '{"loaders":{"release":{"listed":20,"fetched":0,"removed":0}}}' > "$REPORT"`,
      },
      quiet,
    );
    await shrunk.build('20260101T000009Z-fail', []);
    expect(shrunk.status().builds[0].error).toMatch(/page count collapsed from 24 to 4/);
    const emptied = new Builder(
      {
        ...config,
        BUILD_COMMAND: `${FAKE_SITE}\necho '{"loaders":{"release":{"listed":2,"fetched":0,"removed":18}}}' > "$REPORT"`,
      },
      quiet,
    );
    await emptied.build('20260101T000010Z-gone', []);
    expect(emptied.status().builds[0]).toMatchObject({ result: 'live', pages: 4 });
  });
});
