import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { loadBuilderConfig, type BuilderConfig } from './config';

export const SECRET = 'test-secret-0123456789abcdef';

/**
 * A shell build command that writes a small site that passes verification. It reads the
 * builder's plan as a real build does: `$(plan outDir)`; `$OUT` and `$REPORT` are set.
 */
export const FAKE_SITE = [
  'set -e',
  `plan() { node -e 'const p = JSON.parse(require("fs").readFileSync(process.env.NEWSROOM_BUILD_PLAN, "utf8")); process.stdout.write(String(p[process.argv[1]] ?? ""))' "$1"; }`,
  'OUT=$(plan outDir); REPORT=$(plan reportFile)',
  'for p in sq sr en; do mkdir -p "$OUT/$p"; echo "<html lang=$p>$BUILD_MARK</html>" > "$OUT/$p/index.html"; echo "<rss><channel/></rss>" > "$OUT/$p/rss.xml"; done',
  'echo "<html>root</html>" > "$OUT/index.html"',
].join('\n');

export function testConfig(overrides: Record<string, string> = {}): BuilderConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-builds-'));
  return loadBuilderConfig({
    BUILDER_WEBHOOK_SECRET: SECRET,
    BUILDS_DIR: dir,
    BUILD_COMMAND: FAKE_SITE,
    QUIET_MS: '0',
    MAX_WAIT_MS: '0',
    BUILD_TIMEOUT_MS: '5000',
    ...overrides,
  });
}

/** A digest of every file under a folder (following the `current` link): "byte for byte unchanged". */
export function digestTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else hash.update(name).update(fs.readFileSync(full));
    }
  };
  walk(fs.realpathSync(dir));
  return hash.digest('hex');
}

export const strapiEvent = (event = 'entry.publish', documentId = 'doc1') => ({
  event,
  createdAt: new Date().toISOString(),
  model: 'release',
  uid: 'api::release.release',
  entry: { id: 1, documentId, locale: 'sq' },
});
