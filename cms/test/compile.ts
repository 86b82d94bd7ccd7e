import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { dropPostgresTemplates, TEMPLATES_ENV } from './first-boot';

const require = createRequire(import.meta.url);
const cmsDir = path.resolve(__dirname, '..');

/**
 * Integration tests load the compiled app, as production does: compile it (and shared-types)
 * first. Then a folder for the run's first starts (first-boot.ts), removed with their
 * PostgreSQL templates when the run ends.
 */
export default function compile() {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(cmsDir, '../shared-types/tsconfig.build.json')], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [tsc, '-p', path.join(cmsDir, 'tsconfig.json')], { stdio: 'inherit' });
  const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-first-boot-'));
  process.env[TEMPLATES_ENV] = templates;
  return async () => {
    if (process.env.DATABASE_URL) await dropPostgresTemplates(process.env.DATABASE_URL, templates);
    fs.rmSync(templates, { recursive: true, force: true });
  };
}
