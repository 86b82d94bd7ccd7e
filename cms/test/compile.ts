import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cmsDir = path.resolve(__dirname, '..');

/** Integration tests load the compiled app, as production does: compile it (and shared-types) first. */
export default function compile() {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(cmsDir, '../shared-types/tsconfig.build.json')], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [tsc, '-p', path.join(cmsDir, 'tsconfig.json')], { stdio: 'inherit' });
}
