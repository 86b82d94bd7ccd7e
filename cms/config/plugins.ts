import { loadEnv } from '../src/env';

export default () => ({
  'users-permissions': { config: { jwtSecret: loadEnv().JWT_SECRET } },
  // Uploads have content-hashed names, so they never change under one URL: a long cache lets
  // the site build reuse its processed images instead of re-encoding them every build.
  upload: { config: { providerOptions: { localServer: { maxage: 365 * 24 * 60 * 60 * 1000 } } } },
});
