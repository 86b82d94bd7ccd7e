import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestStrapi, seedDemo } from '@newsroom/cms/testing';
import { buildSite } from '@newsroom/site/testing';
import { digestTree } from '../builder/test-support';
import { filesUnder, MANIFEST } from './backup-files';
import { restore } from './restore';
import type { Installation } from './installation';

const LOG_HEAD = path.join('.authenticity', 'public', '.well-known', 'newsroom-log', 'head.json');

/**
 * A backup that restores: a populated CMS is backed up while it runs (`npm run backup`),
 * restored into a new database and folder, and the site built from each is the same, byte
 * for byte. On SQLite in `npm test`; on PostgreSQL in CI's PostgreSQL pass.
 */
const run = promisify(execFile);
const require = createRequire(import.meta.url);
const scripts = path.resolve(import.meta.dirname, '..');
const baseDatabaseUrl = process.env.DATABASE_URL;
const SITE = { siteUrl: 'https://site.example' };

let work: string;
let first: TestStrapi | undefined;
let second: TestStrapi | undefined;
let port: number;
let restoredDatabase: string | undefined;
const logs: string[] = [];

async function adminQuery(sql: string) {
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: baseDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function newInstallation(name: string): Promise<Installation> {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  if (!baseDatabaseUrl)
    return {
      database: { kind: 'sqlite', file: path.join(dir, 'data.db') },
      uploadsDir: path.join(dir, 'public', 'uploads'),
      privateFilesDir: path.join(dir, 'private-files'),
      buildsDir: path.join(dir, 'builds'),
      secretsFile: path.join(dir, 'cms.env'),
    };
  restoredDatabase = `newsroom_restore_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${restoredDatabase} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${restoredDatabase}`);
  const url = new URL(baseDatabaseUrl);
  url.pathname = `/${restoredDatabase}`;
  return {
    database: { kind: 'postgres', url: url.toString() },
    uploadsDir: path.join(dir, 'public', 'uploads'),
    privateFilesDir: path.join(dir, 'private-files'),
    buildsDir: path.join(dir, 'builds'),
    secretsFile: path.join(dir, 'cms.env'),
  };
}

const build = (cmsUrl: string, name: string) =>
  buildSite({ cmsUrl, ...SITE, outDir: path.join(work, name), cacheDir: path.join(work, `${name}-cache`) });

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  first = await startStrapi({ listen: true });
  port = Number(new URL(first.url).port);
  await seedDemo(first.strapi);
  await build(first.url, 'site-before');
});

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  if (restoredDatabase) await adminQuery(`DROP DATABASE IF EXISTS ${restoredDatabase} WITH (FORCE)`);
  if (baseDatabaseUrl) process.env.DATABASE_URL = baseDatabaseUrl;
});

describe('a backup', () => {
  it('is written by npm run backup while the CMS runs, with every file in its manifest', async () => {
    const builds = path.join(work, 'builds-before');
    fs.mkdirSync(builds);
    fs.writeFileSync(path.join(builds, 'history.json'), '[{"id":"20260101T000000Z-keep","result":"live"}]');
    // The office's public log cannot be made again from the CMS: it is in the backup.
    fs.mkdirSync(path.join(builds, LOG_HEAD, '..'), { recursive: true });
    fs.writeFileSync(path.join(builds, LOG_HEAD), '{"size":7}');
    fs.writeFileSync(path.join(work, 'secrets.env'), 'ENCRYPTION_KEY=kept-in-the-backup\n');
    fs.mkdirSync(process.env.PRIVATE_FILES_DIR!, { recursive: true });
    fs.writeFileSync(path.join(process.env.PRIVATE_FILES_DIR!, 'attached-by-a-requester'), 'a scan');
    // The running CMS's database and uploads, as startStrapi put them in the environment.
    const env = { ...process.env, BUILDS_DIR: builds, ENV_PATH: path.join(work, 'secrets.env'), INIT_CWD: work };
    const { stdout } = await run(
      process.execPath,
      [require.resolve('tsx/cli'), path.join(scripts, 'ops', 'main.ts'), 'backup', '--to', 'backup'],
      { cwd: scripts, env },
    );
    logs.push(stdout);
    const manifest = JSON.parse(fs.readFileSync(path.join(work, 'backup', MANIFEST), 'utf8'));
    expect(manifest.database).toBe(baseDatabaseUrl ? 'postgres' : 'sqlite');
    expect(Object.keys(manifest.files)).toEqual(
      expect.arrayContaining([
        baseDatabaseUrl ? 'database.pgdump' : 'database.sqlite',
        'builder/history.json',
        `builder/${LOG_HEAD}`,
        'secrets/cms.env',
      ]),
    );
    const uploads = filesUnder(path.join(process.env.PUBLIC_DIR!, 'uploads'));
    expect(uploads.length).toBeGreaterThan(10);
    for (const file of uploads) expect(manifest.files, file).toHaveProperty(`uploads/${file}`);
    expect(manifest.files).toHaveProperty('private-files/attached-by-a-requester');
    expect(fs.statSync(path.join(work, 'backup', 'secrets', 'cms.env')).mode & 0o077).toBe(0);
  });

  it('restores into a new database and folder, and the site built from it is the same byte for byte', async () => {
    await first!.stop();
    first = undefined;
    const target = await newInstallation('restored');
    await restore(target, path.join(work, 'backup'), {}, (l) => logs.push(l));
    expect(fs.readFileSync(path.join(target.buildsDir, 'history.json'), 'utf8')).toContain('20260101T000000Z-keep');
    expect(fs.readFileSync(path.join(target.buildsDir, LOG_HEAD), 'utf8')).toBe('{"size":7}');
    expect(fs.readFileSync(target.secretsFile, 'utf8')).toContain('kept-in-the-backup');
    expect(fs.readFileSync(path.join(target.privateFilesDir, 'attached-by-a-requester'), 'utf8')).toBe('a scan');
    if (target.database.kind === 'postgres') process.env.DATABASE_URL = target.database.url;
    second = await startStrapi({ listen: true, dir: path.join(work, 'restored'), port });
    await build(second.url, 'site-after');
    const before = path.join(work, 'site-before');
    const after = path.join(work, 'site-after');
    expect(filesUnder(after)).toEqual(filesUnder(before));
    expect(filesUnder(before).length).toBeGreaterThan(100);
    expect(digestTree(after)).toBe(digestTree(before));
  });

  it('refuses to restore over an installation that holds data, or from a damaged backup', async () => {
    const installation: Installation = baseDatabaseUrl
      ? {
          database: { kind: 'postgres', url: process.env.DATABASE_URL! },
          uploadsDir: path.join(work, 'restored', 'public', 'uploads'),
          privateFilesDir: path.join(work, 'restored', 'private-files'),
          buildsDir: path.join(work, 'restored', 'builds'),
          secretsFile: path.join(work, 'restored', 'cms.env'),
        }
      : {
          database: { kind: 'sqlite', file: path.join(work, 'restored', 'data.db') },
          uploadsDir: path.join(work, 'restored', 'public', 'uploads'),
          privateFilesDir: path.join(work, 'restored', 'private-files'),
          buildsDir: path.join(work, 'restored', 'builds'),
          secretsFile: path.join(work, 'restored', 'cms.env'),
        };
    await expect(restore(installation, path.join(work, 'backup'))).rejects.toThrow(
      /Refusing to overwrite the .*database.* and the uploads/,
    );
    const damagedCopy = path.join(work, 'damaged');
    fs.cpSync(path.join(work, 'backup'), damagedCopy, { recursive: true });
    const upload = filesUnder(path.join(damagedCopy, 'uploads'))[0];
    fs.appendFileSync(path.join(damagedCopy, 'uploads', upload), 'x');
    // Checked before anything is touched, even when told to overwrite.
    await expect(restore(installation, damagedCopy, { force: true })).rejects.toThrow(
      new RegExp(`damaged; nothing was restored.*uploads/${upload.replace(/[.]/g, '\\.')}`),
    );
  });
});
