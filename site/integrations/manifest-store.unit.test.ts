import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readManifest, takeManifest, writeManifest, type Manifest } from './manifest-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-manifests-'));
const manifest = (pages: number): Manifest => ({
  fingerprint: 'code',
  files: Object.fromEntries(Array.from({ length: pages }, (_, i) => [`en/p${i}/index.html`, [`_astro/a${i}.css`]])),
  search: {},
  pageCount: pages,
  bundles: ['en-2026'],
  keys: ['release:list'],
  digests: ['d'],
  pages: Object.fromEntries(
    Array.from({ length: pages }, (_, i) => [`en/p${i}/index.html`, { props: 'p', reads: [0] }]),
  ),
  keysNumbered: 1,
});
/** Where a build's manifest is kept: named by a digest of the build's folder. */
const fileOf = (at: string, build: string) =>
  path.join(at, `${crypto.createHash('sha1').update(path.resolve(build)).digest('hex')}.json`);
const files = () => fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

afterEach(async () => {
  await takeManifest();
  vi.restoreAllMocks();
});

describe('the manifests a build leaves', () => {
  it('is read from memory while its file is written after the build, and from the file once written', async () => {
    const written = manifest(5000);
    await writeManifest(dir, '/builds/one', written, 'later');
    expect(fs.existsSync(fileOf(dir, '/builds/one'))).toBe(false);
    expect(readManifest(dir, '/builds/one')).toBe(written);
    await takeManifest();
    expect(files()).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(fileOf(dir, '/builds/one'), 'utf8'))).toEqual(written);
    // Let go for the next build to change: read again, from its file.
    const read = readManifest(dir, '/builds/one');
    expect(read).not.toBe(written);
    expect(read).toEqual(written);
  });

  it('is held once written, until the next build takes it', async () => {
    const written = manifest(3);
    await writeManifest(dir, '/builds/two', written, 'now');
    expect(readManifest(dir, '/builds/two')).toBe(written);
    expect(readManifest(dir, '/builds/one')).toEqual(manifest(5000));
  });

  it('keeps the twelve newest', async () => {
    for (let i = 0; i < 14; i += 1) await writeManifest(dir, `/builds/b${i}`, manifest(1), 'now');
    expect(files()).toHaveLength(12);
    expect(readManifest(dir, '/builds/b0')).toBeNull();
    expect(readManifest(dir, '/builds/b13')).toEqual(manifest(1));
  });

  it('says when it could not be written, and is then no manifest', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const blocked = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-blocked-'));
    fs.mkdirSync(`${fileOf(blocked, '/builds/three')}.partial`);
    await writeManifest(blocked, '/builds/three', manifest(1), 'later');
    await takeManifest();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not be written \(the next build will be full\)/));
    expect(readManifest(blocked, '/builds/three')).toBeNull();
  });

  it('is no manifest when its file is cut short', () => {
    fs.writeFileSync(fileOf(dir, '/builds/b13'), '{"fingerprint":"code","files":{');
    expect(readManifest(dir, '/builds/b13')).toBeNull();
  });
});
