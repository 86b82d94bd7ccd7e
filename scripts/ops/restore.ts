import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import {
  BUILDER,
  BUILDER_STATE,
  DATABASE_FILE,
  damaged,
  filesUnder,
  MANIFEST,
  PRIVATE_FILES,
  SECRETS,
  UPLOADS,
  type Manifest,
} from './backup-files';
import type { Installation } from './installation';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

async function postgresTables(url: string): Promise<number> {
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** What already holds data in the installation: a restore would overwrite it. */
async function occupied(installation: Installation): Promise<string[]> {
  const found: string[] = [];
  const { database } = installation;
  if (database.kind === 'sqlite' && fs.existsSync(database.file) && fs.statSync(database.file).size > 0)
    found.push(`the database ${database.file}`);
  if (database.kind === 'postgres' && (await postgresTables(database.url)) > 0)
    found.push('the PostgreSQL database (it has tables)');
  if (filesUnder(installation.uploadsDir).some((f) => f !== '.gitkeep'))
    found.push(`the uploads in ${installation.uploadsDir}`);
  if (filesUnder(installation.privateFilesDir).length > 0)
    found.push(`the public's attachments in ${installation.privateFilesDir}`);
  return found;
}

async function restoreDatabase(database: Installation['database'], from: string, force: boolean) {
  if (database.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${database.file}${suffix}`, { force: true });
    fs.copyFileSync(path.join(from, DATABASE_FILE.sqlite), database.file);
    return;
  }
  const args = [
    '--no-owner',
    '--exit-on-error',
    ...(force ? ['--clean', '--if-exists'] : []),
    '--dbname',
    database.url,
    path.join(from, DATABASE_FILE.postgres),
  ];
  await run('pg_restore', args, { maxBuffer: 16 * 1024 * 1024 }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`pg_restore failed: ${error.stderr?.trim() || error.message}`);
  });
}

/**
 * Brings a backup back into an empty installation (the CMS stopped): it checks every file
 * against the manifest first, refuses to overwrite a database or uploads that hold data
 * unless `force`, and never overwrites the builder's state or the CMS's secrets.
 */
export async function restore(
  installation: Installation,
  from: string,
  options: { force?: boolean } = {},
  log: (line: string) => void = console.log,
) {
  const manifestFile = path.join(from, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new Error(`${from} is not a backup: it has no ${MANIFEST}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const bad = damaged(from, manifest);
  if (bad.length > 0)
    throw new Error(
      `The backup is damaged; nothing was restored. These files differ from its manifest: ${bad.join(', ')}`,
    );
  if (manifest.database !== installation.database.kind) {
    throw new Error(
      `The backup holds a ${manifest.database} database and this installation uses ${installation.database.kind}; nothing was restored`,
    );
  }
  const found = await occupied(installation);
  if (found.length > 0 && !options.force)
    throw new Error(
      `Refusing to overwrite ${found.join(' and ')}; restore into an empty installation, or pass --force`,
    );
  await restoreDatabase(installation.database, from, Boolean(options.force));
  log(`database (${manifest.database}) restored`);
  for (const [folder, dir, what] of [
    [UPLOADS, installation.uploadsDir, 'uploaded files'],
    [PRIVATE_FILES, installation.privateFilesDir, 'files attached by the public'],
  ] as const) {
    if (fs.existsSync(path.join(from, folder))) {
      if (options.force) fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(path.join(from, folder), dir, { recursive: true });
    }
    log(`${filesUnder(dir).length} ${what} restored`);
  }
  for (const rel of BUILDER_STATE) {
    const source = path.join(from, BUILDER, rel);
    const target = path.join(installation.buildsDir, rel);
    if (!fs.existsSync(source)) continue;
    if (fs.existsSync(target)) log(`kept the builder's ${rel} already there`);
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.cpSync(source, target, { recursive: true });
    }
  }
  if (fs.existsSync(path.join(from, SECRETS))) {
    if (fs.existsSync(installation.secretsFile))
      log(
        `kept ${installation.secretsFile}; the backup's secrets are in ${path.join(from, SECRETS)} if they are needed (ENCRYPTION_KEY reads the stored API tokens)`,
      );
    else {
      fs.copyFileSync(path.join(from, SECRETS), installation.secretsFile);
      fs.chmodSync(installation.secretsFile, 0o600);
    }
  }
  log('restored; start the CMS and the builder: the builder builds the site from the restored content');
}
