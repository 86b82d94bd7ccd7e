import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyList, PublicKeyInfo } from '@newsroom/shared-types';
import { writeJsonAtomic } from '../lib/json-state';

/** The office's signing key as the builder holds it: never written into a build or the CMS. */
export interface SigningKey {
  privateKey: crypto.KeyObject;
  /** The 32-byte raw public key. */
  publicRaw: Buffer;
  fingerprint: string;
  keyId: string;
}

/** Ed25519 public keys in SPKI DER are a fixed 12-byte prefix (RFC 8410) and the 32 raw bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function signingKeyFrom(pem: string): SigningKey {
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
  } catch (error) {
    throw new Error(`The signing key is not a PEM private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`The signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'a secret key'}`);
  const publicRaw = crypto
    .createPublicKey(privateKey)
    .export({ format: 'der', type: 'spki' })
    .subarray(SPKI_PREFIX.length);
  const fingerprint = crypto.createHash('sha256').update(publicRaw).digest('hex');
  return { privateKey, publicRaw, fingerprint, keyId: fingerprint.slice(0, 16) };
}

/** A raw public key (base64) as the PEM file `openssl` reads. */
export function publicKeyPem(rawBase64: string): string {
  const der = Buffer.concat([SPKI_PREFIX, Buffer.from(rawBase64, 'base64')]);
  return crypto
    .createPublicKey({ key: der, format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

/**
 * Reads the key from its file, refusing one kept where the public site or a backup of builds
 * would take it: inside the builds folder, by whatever path or link it is reached.
 */
export function readSigningKey(file: string, buildsDir: string): SigningKey {
  if (!fs.existsSync(file)) throw new Error(`No signing key at ${path.resolve(file)}`);
  const resolved = fs.realpathSync(file);
  const builds = fs.existsSync(buildsDir) ? fs.realpathSync(buildsDir) : path.resolve(buildsDir);
  const relative = path.relative(builds, resolved);
  if (!relative.startsWith('..') && !path.isAbsolute(relative))
    throw new Error(`The signing key ${resolved} is inside the builds folder; keep it outside ${buildsDir}`);
  return signingKeyFrom(fs.readFileSync(resolved, 'utf8'));
}

export { ensureSigningKeyFile } from '../lib/signing-key.mjs';

export const sign = (key: SigningKey, message: string | Buffer): string =>
  crypto.sign(null, typeof message === 'string' ? Buffer.from(message) : message, key.privateKey).toString('base64');

const emptyList = (): KeyList => ({ format: 'newsroom-keys/1', keys: [] });

/**
 * The office's public keys, kept by the builder beside its log. The key the builder signs
 * with is added the first time it is used, and the one before it retired at that moment:
 * rotating is replacing the key file. What a retired key signed stays valid.
 */
export class KeyRegistry {
  constructor(private readonly file: string) {}

  /** The registry of an authenticity store. */
  static in(storeDir: string): KeyRegistry {
    return new KeyRegistry(path.join(storeDir, 'keys.json'));
  }

  list(): KeyList {
    return fs.existsSync(this.file) ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as KeyList) : emptyList();
  }

  /** Makes `key` the signing key from `now`; refuses a key the office revoked or retired. */
  adopt(key: SigningKey, now: string): KeyList {
    const list = this.list();
    const known = list.keys.find((k) => k.keyId === key.keyId);
    if (known?.revokedAt) throw new Error(`The signing key ${key.keyId} was revoked on ${known.revokedAt}`);
    if (known?.retiredAt) throw new Error(`The signing key ${key.keyId} was retired on ${known.retiredAt}`);
    if (known) return list;
    for (const other of list.keys) if (!other.retiredAt && !other.revokedAt) other.retiredAt = now;
    list.keys.push({
      keyId: key.keyId,
      publicKey: key.publicRaw.toString('base64'),
      fingerprint: key.fingerprint,
      validFrom: now,
    });
    writeJsonAtomic(this.file, list);
    return list;
  }

  /** Marks a key revoked from `at`: what the log took in from then on under it no longer verifies. */
  revoke(keyId: string, at: string): PublicKeyInfo {
    const list = this.list();
    const key = list.keys.find((k) => k.keyId === keyId);
    if (!key) throw new Error(`No key ${keyId}; known: ${list.keys.map((k) => k.keyId).join(', ') || 'none'}`);
    if (Number.isNaN(Date.parse(at))) throw new Error(`Not a time: ${at}`);
    key.revokedAt = new Date(at).toISOString();
    writeJsonAtomic(this.file, list);
    return key;
  }
}
