import type { Core } from '@strapi/strapi';
import type { Env } from '../env';
import { fanOut, queueDigests } from './fanout';
import { sendAlerts } from './sender';
import { ensureAlertTables } from './tables';
import { fetchBuilderStatus } from '../site-sync/site-status';

/** One round of alerts: changes whose time came are fanned out, today's digests queued once due, and what is due sent. */
export async function runAlerts(
  strapi: Core.Strapi,
  env: Pick<Env, 'SITE_URL' | 'ALERTS_DIGEST_TIME'> & Partial<Pick<Env, 'BUILDER_WEBHOOK_URL'>>,
  now = Date.now(),
) {
  // The cron may tick before the bootstrap made the tables (a first start on an empty database).
  await ensureAlertTables(strapi);
  const webhook = env.BUILDER_WEBHOOK_URL;
  const siteLive = webhook
    ? async () => {
        const started = (await fetchBuilderStatus(webhook)).live?.startedAt;
        return started ? Date.parse(started) : null;
      }
    : undefined;
  const fannedOut = await fanOut(strapi, now, 20, siteLive);
  const digests = await queueDigests(strapi, env.ALERTS_DIGEST_TIME, now);
  const sent = await sendAlerts(strapi, { siteUrl: env.SITE_URL, digestTime: env.ALERTS_DIGEST_TIME }, { now });
  return { fannedOut, digests, sent };
}

/**
 * Every MAIL_EVERY_SECONDS in every instance: the fan-out and the claims are safe to run
 * side by side. A tick that finds this instance's last round still sending skips; the
 * round sends until nothing is left.
 */
export const alertCronTasks = (
  env: Pick<Env, 'MAIL_EVERY_SECONDS' | 'SITE_URL' | 'ALERTS_DIGEST_TIME' | 'BUILDER_WEBHOOK_URL'>,
) => {
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
