#!/usr/bin/env node
// `npm start`: the CMS with demo content in three languages, ready for an editor.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureEnvFile, generatedDefaults } from './lib/local-env.mjs';
import { assertPortFree, run, waitForHttp } from './lib/processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsDir = path.join(root, 'cms');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

async function main() {
  const env = ensureEnvFile(path.join(cmsDir, '.env'), generatedDefaults());
  const host = env.HOST || '127.0.0.1';
  const port = Number(env.PORT || 1337);
  await assertPortFree(port, host, 'the CMS');
  fs.mkdirSync(path.join(cmsDir, env.PUBLIC_DIR || 'public', 'uploads'), { recursive: true });

  const childEnv = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=2048`.trim() };
  if (!fs.existsSync(path.join(cmsDir, 'dist', 'build', 'index.html'))) {
    console.log('Building the CMS admin once (about a minute)…');
    await run(bin('strapi'), ['build'], { cwd: cmsDir, env: childEnv });
  } else {
    await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: cmsDir });
  }

  console.log('Starting the CMS (the first start also fills in the demo content)…');
  const cms = spawn(bin('strapi'), ['start'], { cwd: cmsDir, env: childEnv, stdio: 'inherit' });
  let running = true;
  cms.once('exit', (code) => {
    running = false;
    process.exitCode = code ?? 1;
  });
  const stop = () => {
    if (running) cms.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const base = `http://${host}:${port}`;
  await waitForHttp(`${base}/_health`, 300_000, () => running);
  console.log(`
  Newsroom is running.

  CMS admin   ${base}/admin
    login     ${env.ADMIN_EMAIL}
    password  ${env.ADMIN_PASSWORD}
  Public API  ${base}/api/releases?locale=sq   (also sr-Latn, en)

  Local secrets and the login live in cms/.env. Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(`\nnpm start failed: ${error.message}`);
  process.exit(1);
});
