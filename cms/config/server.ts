import { loadEnv } from '../src/env';

export default () => {
  const env = loadEnv();
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL,
    app: { keys: env.APP_KEYS },
    dirs: { public: env.PUBLIC_DIR },
  };
};
