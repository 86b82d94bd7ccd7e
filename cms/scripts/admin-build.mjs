import fs from 'node:fs';
import path from 'node:path';

/** Whether the admin panel must be built (again): never built, or our admin extensions changed since. */
export function adminBuildIsStale(cmsDir) {
  const built = path.join(cmsDir, 'dist', 'build', 'index.html');
  if (!fs.existsSync(built)) return true;
  const newest = fs
    .readdirSync(path.join(cmsDir, 'src', 'admin'), { recursive: true })
    .map((f) => fs.statSync(path.join(cmsDir, 'src', 'admin', String(f))).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
  return newest > fs.statSync(built).mtimeMs;
}
