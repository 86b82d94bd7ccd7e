import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localNginxConfig, nginxBinary, nginxRefuses } from '../deploy/nginx-config';

/** The nginx and the map's bytes it last accepted, in this process. */
let lastAccepted = '';

/**
 * Loads a finished build's `_retired.map` into deploy/nginx.conf and has nginx check it
 * before the build may go live: production's nginx reloads with the live build's map, and
 * one it refuses would leave it serving the old map at best. Where nginx is not installed
 * (the builder's own container) there is nothing to check against; the map is written
 * from checked paths only (shared-types' retired.ts).
 */
export function checkNginxMap(buildDir: string, nginx = nginxBinary()): void {
  if (!nginx) return;
  const map = path.join(buildDir, '_retired.map');
  const accepted = fs.existsSync(map)
    ? `${nginx}\0${crypto.createHash('sha256').update(fs.readFileSync(map)).digest('hex')}`
    : '';
  // A publish seldom changes the map: one nginx accepted is not checked again (60 to 100 ms a build).
  if (accepted && accepted === lastAccepted) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-check-'));
  try {
    const conf = localNginxConfig({ dir, port: 80, siteRoot: buildDir, mapDir: buildDir });
    const refusal = nginxRefuses(nginx, conf, dir);
    if (refusal) throw new Error(`nginx refuses this build's _retired.map: ${refusal}`);
    lastAccepted = accepted;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
