import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(24).toString('base64url');

/** Fresh secrets for a Strapi a test starts or builds: its configuration requires them, and none is kept. */
export const strapiSecrets = () => ({
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});
