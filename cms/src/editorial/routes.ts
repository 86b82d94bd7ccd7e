import type { Core } from '@strapi/strapi';
import { loadEnv, type Env } from '../env';
import { previewDraftHandler } from './preview';
import { editorialReport } from './report';
import { runScheduleOnce, scheduleErrors } from './schedule';
import { siteStatus } from '../site-sync/site-status';
import { outboxReport } from '../mail/outbox';
import { alertsReport, mailWithAlerts } from '../alerts/report';

/** The editorial desk's JSON (signed-in admins only) and the draft behind a preview link (its token). */
export function registerEditorialRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      {
        method: 'GET',
        path: '/editorial',
        handler: async (ctx: { body: unknown }) => {
          const now = new Date();
          ctx.body = {
            ...(await editorialReport(strapi, now, await scheduleErrors(strapi))),
            site: await siteStatus(strapi, loadEnv().BUILDER_WEBHOOK_URL, now),
            mail: mailWithAlerts(await outboxReport(strapi), await alertsReport(strapi)),
          };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/preview/:type/:documentId/:locale',
        handler: previewDraftHandler(strapi, loadEnv().PREVIEW_SECRET),
        config: { auth: false },
      },
    ],
  } as never);
}

/** Every 15 seconds (SCHEDULE_EVERY_SECONDS), so what is due goes out well within a minute of its time. */
export const scheduleRule = (seconds: number) => `*/${seconds} * * * * *`;

export const cronTasks = (env: Pick<Env, 'SCHEDULE_EVERY_SECONDS'>) => ({
  newsroomSchedule: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        await runScheduleOnce(strapi);
      } catch (error) {
        strapi.log.error(`Scheduled publishing failed: ${(error as Error).stack ?? error}`);
      }
    },
    options: { rule: scheduleRule(env.SCHEDULE_EVERY_SECONDS), tz: 'UTC' },
  },
});
