import type { Core } from '@strapi/strapi';
import type { Env } from '../env';
import { fanOut, queueDigests } from './fanout';
import { sendAlerts } from './sender';
import { ensureAlertTables } from './tables';

/** One round of alerts: changes whose time came are fanned out, today's digests queued once due, and what is due sent. */
export async function runAlerts(
  strapi: Core.Strapi,
  env: Pick<Env, 'SITE_URL' | 'ALERTS_DIGEST_TIME'>,
  now = Date.now(),
) {
  // The cron may tick before the bootstrap made the tables (a first start on an empty database).
  await ensureAlertTables(strapi);
  const fannedOut = await fanOut(strapi, now);
  const digests = await queueDigests(strapi, env.ALERTS_DIGEST_TIME, now);
  const sent = await sendAlerts(strapi, { siteUrl: env.SITE_URL, digestTime: env.ALERTS_DIGEST_TIME }, { now });
  return { fannedOut, digests, sent };
}

/**
 * Every MAIL_EVERY_SECONDS in every instance: the fan-out and the claims are safe to run
 * side by side. A tick that finds this instance's last round still sending skips; the
 * round sends until nothing is left.
 */
export const alertCronTasks = (env: Pick<Env, 'MAIL_EVERY_SECONDS' | 'SITE_URL' | 'ALERTS_DIGEST_TIME'>) => {
  let running = false;
  return {
    newsroomAlerts: {
      task: async ({ strapi }: { strapi: Core.Strapi }) => {
        if (running) return;
        running = true;
        try {
          await runAlerts(strapi, env);
        } catch (error) {
          strapi.log.error(`Sending e-mail alerts failed: ${(error as Error).stack ?? error}`);
        } finally {
          running = false;
        }
      },
      options: { rule: `*/${env.MAIL_EVERY_SECONDS} * * * * *`, tz: 'UTC' },
    },
  };
};
