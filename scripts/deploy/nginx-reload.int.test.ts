import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localNginxConfig, nginxBinary } from './nginx-config';

/**
 * deploy/nginx-reload.sh run for real, as the web container runs it, over builds whose
 * retired-address maps nginx accepts or refuses.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
let script: ChildProcess;
let base: string;
let dir: string;
let log = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

function build(id: string, map: string) {
  const folder = path.join(dir, 'builds', id);
  fs.mkdirSync(path.join(folder, 'sq', '410'), { recursive: true });
  // A build has its root page; without one nginx says the site is being built.
  fs.writeFileSync(path.join(folder, 'index.html'), `<html>root ${id}</html>`);
  fs.writeFileSync(path.join(folder, 'sq', 'index.html'), `<html>${id}</html>`);
  fs.writeFileSync(path.join(folder, 'sq', '410', 'index.html'), 'removed');
  fs.writeFileSync(path.join(folder, '_retired.map'), map);
}

function switchTo(id: string) {
  fs.symlinkSync(id, path.join(dir, 'builds', '.next'));
  fs.renameSync(path.join(dir, 'builds', '.next'), path.join(dir, 'builds', 'current'));
}

async function until(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 100; i += 1) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; the script's log:\n${log}`);
}

beforeAll(async () => {
  const nginx = nginxBinary();
  if (!nginx) throw new Error('nginx is needed for this test: apt-get install -y nginx (or set NGINX_PATH)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-reload-'));
  build('20260101T000000Z-good', '"/sq/old/" "410";\n');
  build('20260101T000001Z-bad0', '"/sq/old/" "/sq/$nope/";\n');
  build('20260101T000002Z-next', '"/sq/next/" "410";\n');
  switchTo('20260101T000000Z-good');
  const port = await freePort();
  const current = path.join(dir, 'builds', 'current');
  const conf = localNginxConfig({ dir, port, siteRoot: current, mapDir: current });
  base = `http://127.0.0.1:${port}`;
  script = spawn('/bin/sh', [path.join(root, 'deploy', 'nginx-reload.sh')], {
    env: {
      ...process.env,
      PATH: `${path.dirname(nginx)}:${process.env.PATH}`,
      NGINX_ARGS: `-c ${conf} -p ${dir}`,
      CURRENT: current,
      INTERVAL: '0.2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  script.stdout!.on('data', (d) => (log += d));
  script.stderr!.on('data', (d) => (log += d));
  await until(async () => (await fetch(`${base}/sq/old/`)).status === 410, 'nginx to serve');
});

afterAll(async () => {
  script?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
});

describe('deploy/nginx-reload.sh', () => {
  it("keeps the old configuration serving when nginx refuses a build's map, says so, and goes on watching", async () => {
    switchTo('20260101T000001Z-bad0');
    await until(() => log.includes('REFUSED build 20260101T000001Z-bad0'), 'the refusal in the log');
    expect(log).toMatch(/unknown "nope" variable/);
    expect(script.exitCode).toBeNull();
    // nginx still runs with the last map it accepted.
    expect((await fetch(`${base}/sq/old/`)).status).toBe(410);
    expect((await fetch(`${base}/sq/`)).status).toBe(200);
  });

  it('reloads for the next build nginx accepts', async () => {
    switchTo('20260101T000002Z-next');
    await until(async () => (await fetch(`${base}/sq/next/`)).status === 410, "the next build's map");
    expect(log).toContain('reloaded for build 20260101T000002Z-next');
    expect((await fetch(`${base}/sq/old/`)).status).toBe(404);
  });
});
