import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import {
  BUILDER,
  BUILDER_STATE,
  DATABASE_FILE,
  filesUnder,
  MANIFEST,
  PRIVATE_FILES,
  SECRETS,
  sha256,
  UPLOADS,
  type Manifest,
} from './backup-files';
import type { Installation } from './installation';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** A consistent copy of the database while the CMS runs: SQLite's online backup, or pg_dump's snapshot in custom format. */
async function backupDatabase(database: Installation['database'], to: string) {
  if (database.kind === 'sqlite') {
    if (!fs.existsSync(database.file))
      throw new Error(`There is no SQLite database at ${database.file}: nothing to back up`);
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(database.file, { readonly: true, fileMustExist: true });
    try {
      await db.backup(path.join(to, DATABASE_FILE.sqlite));
    } finally {
      db.close();
    }
    return;
  }
  await run(
    'pg_dump',
    ['--format=custom', '--no-owner', '--file', path.join(to, DATABASE_FILE.postgres), database.url],
    { maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: Error & { stderr?: string }) => {
    throw new Error(`pg_dump failed: ${error.stderr?.trim() || error.message}`);
  });
}

/**
 * Writes a backup of the installation into `to` (a new or empty folder): the database
 * first, then the uploads and the public's attachments (so every file the database names is there), the builder's
 * state and the CMS's secrets (the backup must be kept as safely as they are), and a
 * manifest with the SHA-256 of every file.
 */
export async function backup(
  installation: Installation,
  to: string,
  log: (line: string) => void = console.log,
): Promise<Manifest> {
  if (fs.existsSync(to) && fs.readdirSync(to).length > 0)
    throw new Error(`${to} is not empty: a backup goes into a new folder`);
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  await backupDatabase(installation.database, to);
  log(`database (${installation.database.kind}) copied`);
  if (fs.existsSync(installation.uploadsDir))
    fs.cpSync(installation.uploadsDir, path.join(to, UPLOADS), { recursive: true });
  log(`${filesUnder(path.join(to, UPLOADS)).length} uploaded files copied`);
  if (fs.existsSync(installation.privateFilesDir))
    fs.cpSync(installation.privateFilesDir, path.join(to, PRIVATE_FILES), { recursive: true });
  log(`${filesUnder(path.join(to, PRIVATE_FILES)).length} files attached by the public copied`);
  for (const rel of BUILDER_STATE) {
    const from = path.join(installation.buildsDir, rel);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(to, BUILDER, rel)), { recursive: true });
    fs.cpSync(from, path.join(to, BUILDER, rel), { recursive: true });
  }
  if (fs.existsSync(installation.secretsFile)) {
    fs.mkdirSync(path.dirname(path.join(to, SECRETS)), { recursive: true, mode: 0o700 });
    fs.copyFileSync(installation.secretsFile, path.join(to, SECRETS));
    fs.chmodSync(path.join(to, SECRETS), 0o600);
  }
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: installation.database.kind,
    files: Object.fromEntries(filesUnder(to).map((rel) => [rel, sha256(path.join(to, rel))])),
  };
  fs.writeFileSync(path.join(to, MANIFEST), JSON.stringify(manifest, null, 2));
  log(`backup written to ${to} (${Object.keys(manifest.files).length} files)`);
  return manifest;
}
