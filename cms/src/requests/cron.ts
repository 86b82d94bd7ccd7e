import type { Core } from '@strapi/strapi';
import { OFFICE_TIME_ZONE } from '@newsroom/shared-types';
import type { Env } from '../env';
import { eraseExpired } from './retention';

/** Retention runs each night in every instance; erasing is idempotent, so two instances at once erase each row once. */
export const retentionCronTasks = (env: Pick<Env, 'RETENTION_MONTHS'>) => ({
  newsroomRetention: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        await eraseExpired(strapi, env.RETENTION_MONTHS);
      } catch (error) {
        strapi.log.error(
          `Retention failed, personal data past its time is still kept: ${(error as Error).stack ?? error}`,
        );
      }
    },
    options: { rule: '0 15 3 * * *', tz: OFFICE_TIME_ZONE },
  },
});
