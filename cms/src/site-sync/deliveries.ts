import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { BUILDER_WEBHOOK_NAME } from '../bootstrap/webhook';

/** The outcome of the last delivery to the site builder, kept in the database for every instance and the desk. */
export interface DeliveryState {
  last?: { at: string; event: string; status: number; ok: boolean; message?: string };
  /** When deliveries started failing; cleared by the next delivery that succeeds. */
  failingSince?: string | null;
}

const STORE = { type: 'plugin', name: 'newsroom', key: 'site-deliveries' } as const;

export async function deliveryState(strapi: Core.Strapi): Promise<DeliveryState> {
  return (await strapi.store(STORE).get({})) ?? {};
}

type Webhook = { name?: string; url: string };
type Result = { statusCode: number; message?: string };
type Runner = {
  run(
    webhook: Webhook,
    event: string,
    info?: { uid?: string; entry?: { documentId?: string; locale?: string } },
  ): Promise<Result>;
};

/**
 * Strapi's webhook runner drops a delivery's answer: a builder that refuses every webhook
 * (a wrong secret) would leave the site behind in silence while editors see "Published".
 * Every delivery to the builder is therefore recorded, and every failure logged with its
 * status, by wrapping the runner's `run`, the one place that sees the answer.
 */
const WRAPPED = Symbol.for('newsroom.deliveries');

export function watchDeliveries(strapi: Core.Strapi) {
  const runner = strapi.get<Runner & { [WRAPPED]?: true }>('webhookRunner');
  if (runner[WRAPPED]) return;
  runner[WRAPPED] = true;
  const run = runner.run.bind(runner) as Runner['run'];
  runner.run = async (webhook, event, given = {}) => {
    const info = withoutPersonalData(given);
    const result = await run(webhook, event, info);
    const ok = result.statusCode >= 200 && result.statusCode < 300;
    if (!ok) {
      const what = [event, info.uid, info.entry?.documentId, info.entry?.locale].filter(Boolean).join(' ');
      strapi.log.error(
        `Webhook "${webhook.name ?? webhook.url}" failed with ${result.statusCode} for ${what}: ${result.message?.slice(0, 300) ?? ''}`,
      );
    }
    if (webhook.name === BUILDER_WEBHOOK_NAME)
      await record(strapi, event, result, ok).catch((error: Error) =>
        strapi.log.error(`Could not record a webhook delivery: ${error.message}`),
      );
    return result;
  };
}

/** A webhook is a signal: what the public sent (a request, a question, a message) never leaves the CMS in one. */
const SUBMISSIONS = new Set<string>(
  Object.values(CONTENT_TYPES)
    .filter((t) => t.publicForm)
    .map((t) => t.uid),
);
export function withoutPersonalData<T extends { uid?: string; entry?: { documentId?: string } }>(info: T): T {
  return info.uid && SUBMISSIONS.has(info.uid) && info.entry
    ? { ...info, entry: { documentId: info.entry.documentId } }
    : info;
}

async function record(strapi: Core.Strapi, event: string, result: Result, ok: boolean) {
  const at = new Date().toISOString();
  const state = await deliveryState(strapi);
  const next: DeliveryState = {
    last: { at, event, status: result.statusCode, ok, ...(ok ? {} : { message: result.message?.slice(0, 300) }) },
    failingSince: ok ? null : (state.failingSince ?? at),
  };
  await strapi.store(STORE).set({ value: next });
}
