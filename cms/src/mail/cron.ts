import type { Core } from '@strapi/strapi';
import type { Env } from '../env';
import { sendOutbox } from './worker';

/** The outbox is sent every MAIL_EVERY_SECONDS in every instance; each message is claimed by one. */
export const mailCronTasks = (env: Pick<Env, 'MAIL_EVERY_SECONDS'>) => ({
  newsroomMailOutbox: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        await sendOutbox(strapi);
      } catch (error) {
        strapi.log.error(`Sending the mail outbox failed: ${(error as Error).stack ?? error}`);
      }
    },
    options: { rule: `*/${env.MAIL_EVERY_SECONDS} * * * * *`, tz: 'UTC' },
  },
});
