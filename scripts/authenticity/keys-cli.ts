import { DEFAULT_BUILDS_DIR } from '../builder/config';
import { authenticityStore } from './authenticate';
import { KeyRegistry } from './keys';

const USAGE = `The office's signing keys, as the builder publishes them in /.well-known/newsroom-keys.json.

  npm run keys -- list
  npm run keys -- revoke <keyId> [<time, ISO 8601; default now>]

To rotate, point SIGNING_KEY_FILE at a new key and restart the builder: the next build adds
the new key and retires the old one, whose signatures stay valid. Revoke a key that leaked:
what the log took in under it from the given time on verifies as revoked.`;

const [command, keyId, at] = process.argv.slice(2);
const registry = KeyRegistry.in(authenticityStore(process.env.BUILDS_DIR || DEFAULT_BUILDS_DIR));
if (command === 'list') {
  for (const key of registry.list().keys)
    console.log(
      `${key.keyId}  fingerprint ${key.fingerprint}  from ${key.validFrom}${key.retiredAt ? `  retired ${key.retiredAt}` : ''}${key.revokedAt ? `  REVOKED ${key.revokedAt}` : ''}`,
    );
} else if (command === 'revoke' && keyId) {
  const key = registry.revoke(keyId, at ?? new Date().toISOString());
  console.log(`revoked ${key.keyId} from ${key.revokedAt}; the next build publishes it`);
} else {
  console.error(USAGE);
  process.exitCode = 2;
}
