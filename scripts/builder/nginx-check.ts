import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localNginxConfig, nginxBinary, nginxRefuses } from '../deploy/nginx-config';

/**
 * Loads a finished build's `_retired.map` into deploy/nginx.conf and has nginx check it
 * before the build may go live: production's nginx reloads with the live build's map, and
 * one it refuses would leave it serving the old map at best. Where nginx is not installed
 * (the builder's own container) there is nothing to check against; the map is written
 * from checked paths only (shared-types' retired.ts).
 */
export function checkNginxMap(buildDir: string, nginx = nginxBinary()): void {
  if (!nginx) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-check-'));
  try {
    const conf = localNginxConfig({ dir, port: 80, siteRoot: buildDir, mapDir: buildDir });
    const refusal = nginxRefuses(nginx, conf, dir);
    if (refusal) throw new Error(`nginx refuses this build's _retired.map: ${refusal}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
