import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from '../lib/local-env.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const cmsDir = path.join(root, 'cms');

/** Where one installation keeps what a backup must hold. */
export interface Installation {
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** The CMS's uploads (`<PUBLIC_DIR>/uploads`). */
  uploadsDir: string;
  /** What the public attached to their requests (PRIVATE_FILES_DIR): kept out of the uploads, backed up with them. */
  privateFilesDir: string;
  /** The builder's folder: its history and search-sync state (the builds are rebuilt, not kept). */
  buildsDir: string;
  /** The CMS's secrets file (`cms/.env`), where there is one. */
  secretsFile: string;
}

type Setting = 'DATABASE_URL' | 'DATABASE_FILENAME' | 'PUBLIC_DIR' | 'PRIVATE_FILES_DIR' | 'BUILDS_DIR';

/** This clone's installation, read as the CMS and the builder read it: the environment, then cms/.env, then the defaults. */
export function localInstallation(environment: NodeJS.ProcessEnv = process.env): Installation {
  // ENV_PATH names another env file, as it does for Strapi.
  const secretsFile = environment.ENV_PATH ? path.resolve(cmsDir, environment.ENV_PATH) : path.join(cmsDir, '.env');
  const file = fs.existsSync(secretsFile)
    ? (parseEnv(fs.readFileSync(secretsFile, 'utf8')) as Record<string, string>)
    : {};
  const setting = (key: Setting) => environment[key] || file[key] || undefined;
  const databaseUrl = setting('DATABASE_URL');
  return {
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', file: path.resolve(cmsDir, setting('DATABASE_FILENAME') ?? '.tmp/data.db') },
    uploadsDir: path.join(path.resolve(cmsDir, setting('PUBLIC_DIR') ?? 'public'), 'uploads'),
    privateFilesDir: path.resolve(cmsDir, setting('PRIVATE_FILES_DIR') ?? 'private-files'),
    buildsDir: path.resolve(root, setting('BUILDS_DIR') ?? 'builds'),
    secretsFile,
  };
}
