import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup } from './backup';
import { restore } from './restore';
import { localInstallation } from './installation';

const root = path.resolve(import.meta.dirname, '..', '..');
const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** `npm run backup [-- --to DIR]` and `npm run restore -- DIR [--force]`, from the repository's root. */
async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { to: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const installation = localInstallation();
  if (command === 'backup') {
    await backup(
      installation,
      path.resolve(process.env.INIT_CWD ?? root, values.to ?? path.join(root, 'backups', stamp())),
    );
  } else if (command === 'restore' && positionals[0]) {
    await restore(installation, path.resolve(process.env.INIT_CWD ?? root, positionals[0]), { force: values.force });
  } else {
    throw new Error('Usage: npm run backup [-- --to DIR]  |  npm run restore -- DIR [--force]');
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
