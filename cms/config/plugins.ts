import { loadEnv } from '../src/env';

export default () => ({
  'users-permissions': { config: { jwtSecret: loadEnv().JWT_SECRET } },
});
