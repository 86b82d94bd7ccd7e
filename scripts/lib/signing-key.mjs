import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes the office's Ed25519 signing key (PKCS#8 PEM, readable by its owner only) unless the
 * file exists: `npm start` on first run, and the tests. Returns the file.
 */
export function ensureSigningKeyFile(file) {
  if (fs.existsSync(file)) return file;
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  return file;
}
