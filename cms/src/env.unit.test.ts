import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const secrets = {
  APP_KEYS: 'key-one-0123456789,key-two-0123456789',
  API_TOKEN_SALT: 'salt-0123456789abcdef',
  ADMIN_JWT_SECRET: 'admin-0123456789abcdef',
  TRANSFER_TOKEN_SALT: 'transfer-0123456789abcdef',
  JWT_SECRET: 'jwt-0123456789abcdef',
  ENCRYPTION_KEY: 'encrypt-0123456789abcdef',
};

describe('loadEnv', () => {
  it('reads a complete configuration with defaults for the rest', () => {
    const env = loadEnv(secrets);
    expect(env.APP_KEYS).toEqual(['key-one-0123456789', 'key-two-0123456789']);
    expect(env.PORT).toBe(1337);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe(false);
  });

  it('names every missing secret in one error', () => {
    const { JWT_SECRET: _jwt, ENCRYPTION_KEY: _key, ...rest } = secrets;
    expect(() => loadEnv(rest)).toThrow(/JWT_SECRET is required[\s\S]*ENCRYPTION_KEY is required/);
  });

  it('treats an empty value as missing', () => {
    expect(() => loadEnv({ ...secrets, ADMIN_JWT_SECRET: '' })).toThrow(/ADMIN_JWT_SECRET is required/);
  });

  it('refuses a builder webhook without its secret', () => {
    expect(() => loadEnv({ ...secrets, BUILDER_WEBHOOK_URL: 'http://127.0.0.1:4322/webhook' })).toThrow(
      /BUILDER_WEBHOOK_SECRET is required when BUILDER_WEBHOOK_URL is set/,
    );
  });

  it('refuses an admin email without a password, and a malformed port', () => {
    expect(() => loadEnv({ ...secrets, ADMIN_EMAIL: 'editor@example.org' })).toThrow(
      /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/,
    );
    expect(() => loadEnv({ ...secrets, PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('refuses a private files folder inside the public one, in any spelling of the path', () => {
    for (const dir of ['public/private', './public/uploads/attached', 'other/../public/x']) {
      expect(() => loadEnv({ ...secrets, PRIVATE_FILES_DIR: dir }), dir).toThrow(
        /PRIVATE_FILES_DIR must not be inside PUBLIC_DIR/,
      );
    }
    expect(loadEnv({ ...secrets, PRIVATE_FILES_DIR: 'public-not' }).PRIVATE_FILES_DIR).toBe('public-not');
  });

  it('reads flags the way a .env file writes them', () => {
    expect(loadEnv({ ...secrets, SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(loadEnv({ ...secrets, SEED_DEMO: '0' }).SEED_DEMO).toBe(false);
    expect(() => loadEnv({ ...secrets, SEED_DEMO: 'yes please' })).toThrow(/SEED_DEMO/);
  });
});
