import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** What a backup folder holds, and the SHA-256 of each file, so a restore can refuse a damaged one. */
export interface Manifest {
  format: 1;
  createdAt: string;
  database: 'sqlite' | 'postgres';
  files: Record<string, string>;
}

export const MANIFEST = 'manifest.json';
export const DATABASE_FILE = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;
export const UPLOADS = 'uploads';
export const PRIVATE_FILES = 'private-files';
/**
 * The builder's state worth keeping (builds themselves are made again from the CMS): its
 * history, the search sync, and the office's public log with its signatures and keys, which
 * cannot be made again (the store's state.db is rebuilt from the log).
 */
export const BUILDER_STATE = [
  'history.json',
  path.join('.search', 'algolia.json'),
  path.join('.authenticity', 'keys.json'),
  path.join('.authenticity', 'public'),
  path.join('.authenticity', 'signatures'),
];
export const BUILDER = 'builder';
export const SECRETS = path.join('secrets', 'cms.env');

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every file under `dir`, relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/** The files of a backup whose content is not what its manifest says, or that are missing. */
export function damaged(dir: string, manifest: Manifest): string[] {
  return Object.entries(manifest.files)
    .filter(([rel, digest]) => !fs.existsSync(path.join(dir, rel)) || sha256(path.join(dir, rel)) !== digest)
    .map(([rel]) => rel);
}
