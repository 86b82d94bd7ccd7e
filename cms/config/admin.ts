import { loadEnv } from '../src/env';
import { previewConfig } from '../src/editorial/preview';

export default () => {
  const env = loadEnv();
  return {
    auth: { secret: env.ADMIN_JWT_SECRET },
    apiToken: { salt: env.API_TOKEN_SALT },
    transfer: { token: { salt: env.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: env.ENCRYPTION_KEY },
    flags: { nps: false, promoteEE: false },
    preview: previewConfig(env),
  };
};
