import type { Core } from '@strapi/strapi';
import { BUILD_EVENTS } from '@newsroom/shared-types';
import type { Env } from '../env';

export const BUILDER_WEBHOOK_NAME = 'Newsroom site builder';

interface Webhook {
  id: string | number;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface WebhookStore {
  addAllowedEvent(key: string, value: string): void;
  getAllowedEvent(key: string): string | undefined;
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: Webhook['id'], data: Omit<Webhook, 'id'>): Promise<Webhook>;
  deleteWebhook(id: Webhook['id']): Promise<unknown>;
}

interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
  remove(webhook: Webhook): void;
}

/**
 * When BUILDER_WEBHOOK_URL is set, exactly one webhook points there with the builder's
 * secret. Strapi's runner loaded the stored webhooks before our bootstrap, so a webhook
 * created or changed here is also handed to the runner, or it would not fire until the
 * next restart.
 */
export async function ensureBuilderWebhook(
  strapi: Core.Strapi,
  env: Pick<Env, 'BUILDER_WEBHOOK_URL' | 'BUILDER_WEBHOOK_SECRET'>,
) {
  if (!env.BUILDER_WEBHOOK_URL) return;
  const store = strapi.get<WebhookStore>('webhookStore');
  const runner = strapi.get<WebhookRunner>('webhookRunner');
  const wanted = {
    name: BUILDER_WEBHOOK_NAME,
    url: env.BUILDER_WEBHOOK_URL,
    headers: { Authorization: `Bearer ${env.BUILDER_WEBHOOK_SECRET}` },
    events: [...BUILD_EVENTS],
    isEnabled: true,
  };
  const ours = (await store.findWebhooks()).filter((w) => w.url === wanted.url || w.name === wanted.name);
  const [keep, ...duplicates] = ours;
  for (const duplicate of duplicates) {
    await store.deleteWebhook(duplicate.id);
    runner.remove(duplicate);
  }
  if (!keep) {
    runner.add(await store.createWebhook(wanted));
  } else if (!sameWebhook(keep, wanted)) {
    runner.update(await store.updateWebhook(keep.id, wanted));
  }
}

function sameWebhook(a: Omit<Webhook, 'id'>, b: Omit<Webhook, 'id'>): boolean {
  return (
    a.name === b.name &&
    a.url === b.url &&
    a.isEnabled === b.isEnabled &&
    JSON.stringify(a.headers) === JSON.stringify(b.headers) &&
    [...a.events].sort().join() === [...b.events].sort().join()
  );
}
