import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nginxMap } from '@newsroom/shared-types';
import { nginxBinary } from '../deploy/nginx-config';
import { checkNginxMap } from './nginx-check';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-check-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The real nginx, behind a script that counts how often it is asked. */
function countedNginx(): { nginx: string; asked: () => number } {
  const real = nginxBinary();
  if (!real) throw new Error('nginx is needed for this test: apt-get install -y nginx (or set NGINX_PATH)');
  const count = path.join(work, 'asked');
  const nginx = path.join(work, 'nginx');
  fs.writeFileSync(nginx, `#!/bin/sh\necho asked >> '${count}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  return { nginx, asked: () => (fs.existsSync(count) ? fs.readFileSync(count, 'utf8').split('\n').length - 1 : 0) };
}

/** A build folder holding only its retired-address map. */
function buildWithMap(name: string, map: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '_retired.map'), map);
  return dir;
}

describe("the check of a build's retired-address map", () => {
  it('asks nginx again only when the map differs from the last one it accepted', () => {
    const { nginx, asked } = countedNginx();
    const map = nginxMap([{ path: '/sq/a/', status: 410 }]);
    checkNginxMap(buildWithMap('first', map), nginx);
    checkNginxMap(buildWithMap('same', map), nginx);
    expect(asked()).toBe(1);
    const other = nginxMap([{ path: '/sq/b/', status: 301, to: '/sq/c/' }]);
    checkNginxMap(buildWithMap('other', other), nginx);
    expect(asked()).toBe(2);
  });

  it('asks nginx again about a map it refused', () => {
    const { nginx, asked } = countedNginx();
    const before = asked();
    const refused = buildWithMap('refused', '"/sq/a/" "/sq/$nope/";\n');
    expect(() => checkNginxMap(refused, nginx)).toThrow(/nginx refuses this build's _retired.map/);
    expect(() => checkNginxMap(refused, nginx)).toThrow(/nginx refuses this build's _retired.map/);
    expect(asked() - before).toBe(2);
  });
});
