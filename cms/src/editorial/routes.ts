import type { Core } from '@strapi/strapi';
import { loadEnv } from '../env';
import { previewDraftHandler } from './preview';
import { editorialReport } from './report';
import { lastScheduleErrors, runSchedule } from './schedule';

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
          ctx.body = await editorialReport(strapi, new Date(), lastScheduleErrors);
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

/** Every 15 seconds, so what is due goes out well within a minute of its time. */
export const SCHEDULE_RULE = '*/15 * * * * *';

export const cronTasks = {
  newsroomSchedule: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        await runSchedule(strapi);
      } catch (error) {
        strapi.log.error(`Scheduled publishing failed: ${(error as Error).stack ?? error}`);
      }
    },
    options: { rule: SCHEDULE_RULE, tz: 'UTC' },
  },
};
