#!/usr/bin/env node
// `npm start`: the CMS with demo content, the site built from it, and the webhook builder
// that rebuilds it on every publish. Ctrl-C stops everything.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureEnvFile, generatedDefaults, resolveSettings } from './lib/local-env.mjs';
import { adminBuildIsStale } from '@newsroom/cms/admin-build';
import { DEMO_LOGINS } from '@newsroom/shared-types';
import { assertPortFree, run, waitForHttp } from './lib/processes.mjs';
import { ensureSigningKeyFile } from './lib/signing-key.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsDir = path.join(root, 'cms');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const children = [];

function start(name, command, args, options) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const entry = { name, child, running: true };
  child.once('exit', (code) => {
    entry.running = false;
    if (!stopping) {
      console.error(`\n${name} stopped (exit ${code}); stopping everything.`);
      stopAll(code ?? 1);
    }
  });
  children.push(entry);
  return entry;
}

let stopping = false;
function stopAll(code = 0) {
  stopping = true;
  for (const { child, running } of children) if (running) child.kill('SIGTERM');
  process.exitCode = code;
}

async function waitForLiveSite(statusUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await (await fetch(statusUrl)).json();
    if (status.live) return;
    const failed = status.builds.find((b) => b.result === 'failed');
    if (failed && !status.running && status.queued.length === 0)
      throw new Error(`the first site build failed: ${failed.error}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the first site build did not finish in time');
}

/** Whether the printed login opens the admin: the super admin is made once, from the first start's login. */
async function adminLoginWorks(cmsUrl, email, password) {
  const res = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.ok;
}

async function main() {
  // The shell's variables win over cms/.env, for every process alike.
  const env = resolveSettings(ensureEnvFile(path.join(cmsDir, '.env'), generatedDefaults()));
  const host = env.HOST || '127.0.0.1';
  const ports = {
    cms: Number(env.PORT || 1337),
    site: Number(process.env.SITE_PORT || 4321),
    builder: Number(process.env.BUILDER_PORT || 4322),
  };
  await assertPortFree(ports.cms, host, 'the CMS');
  await assertPortFree(ports.site, '127.0.0.1', 'the site');
  await assertPortFree(ports.builder, '127.0.0.1', 'the builder');
  fs.mkdirSync(path.join(cmsDir, env.PUBLIC_DIR || 'public', 'uploads'), { recursive: true });

  // A government server does not phone home: no telemetry (also cms/package.json), no update check.
  const childEnv = {
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    ...process.env,
    ...env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=2048`.trim(),
  };
  // The admin is built once, and again when our admin extensions change.
  if (adminBuildIsStale(cmsDir)) {
    console.log('Building the CMS admin once (about a minute)…');
    await run(bin('strapi'), ['build'], { cwd: cmsDir, env: childEnv });
  } else {
    await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: cmsDir });
  }

  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));

  console.log('Starting the CMS (the first start also fills in the demo content)…');
  const cms = start('The CMS', bin('strapi'), ['start'], { cwd: cmsDir, env: childEnv });
  const cmsUrl = `http://${host}:${ports.cms}`;
  await waitForHttp(`${cmsUrl}/_health`, 300_000, () => cms.running);

  console.log('Starting the builder; it builds the site now and on every publish…');
  const builderEnv = {
    ...process.env,
    CMS_URL: cmsUrl,
    BUILDER_WEBHOOK_SECRET: env.BUILDER_WEBHOOK_SECRET,
    PREVIEW_SECRET: env.PREVIEW_SECRET,
    CMS_PUBLIC_URL: cmsUrl,
    BUILDER_PORT: String(ports.builder),
    SITE_PORT: String(ports.site),
    // The office's signing key: made on the first start, outside the builds and the CMS.
    SIGNING_KEY_FILE:
      process.env.SIGNING_KEY_FILE || ensureSigningKeyFile(path.join(root, '.secrets', 'signing-key.pem')),
  };
  const builder = start('The builder', bin('tsx'), [path.join(root, 'scripts', 'builder', 'main.ts'), '--build-now'], {
    cwd: root,
    env: builderEnv,
  });
  const statusUrl = `http://127.0.0.1:${ports.builder}/status`;
  await waitForHttp(statusUrl, 60_000, () => builder.running);
  await waitForLiveSite(statusUrl, 600_000);
  const loginWorks = await adminLoginWorks(cmsUrl, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);

  console.log(`
  Newsroom is running.

  CMS admin   ${cmsUrl}/admin
    login     ${env.ADMIN_EMAIL}
    password  ${env.ADMIN_PASSWORD}${
      loginWorks
        ? ''
        : `
    (this login does not open the admin: the admin in the database was made with an earlier
    ADMIN_EMAIL/ADMIN_PASSWORD; use that one, or reset it with
    npx strapi admin:reset-user-password --email <email> --password <password> in cms/)`
    }
${env.SEED_DEMO === 'true' ? DEMO_LOGINS.map((l) => `    ${`${l.label}:`.padEnd(22)} ${l.email}   (same password)`).join('\n') + '\n' : ''}  Site        http://127.0.0.1:${ports.site}/sq/   (also /sr/, /en/)
  Feeds       http://127.0.0.1:${ports.site}/sq/abonohu/
  Builds      ${statusUrl}
  Desk        ${cmsUrl}/admin/editorial-desk   (schedules, overdue, embargoes, translations)
  Requests    ${cmsUrl}/admin/requests-desk    (the public's requests, questions and messages)

  Publish in the admin and the site follows within seconds. Local secrets and the login
  live in cms/.env. Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(`\nnpm start failed: ${error.message}`);
  stopAll(1);
});
