import { loadEnv } from '../src/env';
import { cronTasks } from '../src/editorial/routes';
import { mailCronTasks } from '../src/mail/cron';
import { retentionCronTasks } from '../src/requests/cron';
import { alertCronTasks } from '../src/alerts/cron';
import { accreditationCronTasks } from '../src/accreditation/cron';

export default () => {
  const env = loadEnv();
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL,
    proxy: { koa: env.TRUST_PROXY, maxIpsCount: 1 },
    app: { keys: env.APP_KEYS },
    dirs: { public: env.PUBLIC_DIR },
    cron: {
      enabled: env.CRON_ENABLED,
      tasks: {
        ...cronTasks(env),
        ...mailCronTasks(env),
        ...retentionCronTasks(env),
        ...alertCronTasks(env),
        ...accreditationCronTasks(),
      },
    },
  };
};
