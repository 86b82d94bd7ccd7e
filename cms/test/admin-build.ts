import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { adminBuildIsStale } from '../scripts/admin-build.mjs';
import { strapiSecrets } from './secrets';

const require = createRequire(import.meta.url);
const cmsDir = path.resolve(path.dirname(__filename), '..');

/** Builds the admin panel for a browser test when it was never built or our extensions changed (about a minute). */
export function ensureAdminBuild() {
  if (!adminBuildIsStale(cmsDir)) return;
  const strapi = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  // The build loads the configuration, which wants the secrets; it keeps none of them.
  const env = {
    ...process.env,
    ...strapiSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  execFileSync(process.execPath, [strapi, 'build'], { cwd: cmsDir, env, stdio: 'inherit' });
}
