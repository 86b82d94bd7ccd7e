/**
 * What Strapi 5 POSTs to a webhook. It is a signal, not data: one editor action sends
 * several of these, and `entry` may be null; the builder re-reads the API.
 */
export const ENTRY_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
] as const;
export const MEDIA_EVENTS = ['media.create', 'media.update', 'media.delete'] as const;

/**
 * The events the builder subscribes to: anything that can change what the public sees. A
 * type without drafts (retired pages, governments) is public as soon as it is created, and
 * the builder syncs only the types the events name (BuildPlan.changedTypes).
 */
export const BUILD_EVENTS = [
  'entry.create',
  'entry.publish',
  'entry.unpublish',
  'entry.update',
  'entry.delete',
  'media.update',
  'media.delete',
] as const;

export type EntryEvent = (typeof ENTRY_EVENTS)[number];
export type MediaEvent = (typeof MEDIA_EVENTS)[number];

export interface EntryWebhookPayload {
  event: EntryEvent;
  createdAt: string;
  /** Singular API name, e.g. `release`. */
  model: string;
  uid: string;
  entry:
    | ({ id: number; documentId: string; locale?: string | null; publishedAt?: string | null } & Record<
        string,
        unknown
      >)
    | null;
}

export interface MediaWebhookPayload {
  event: MediaEvent;
  createdAt: string;
  media: ({ id: number; documentId?: string; url?: string } & Record<string, unknown>) | null;
}

export type WebhookPayload = EntryWebhookPayload | MediaWebhookPayload;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a body shaped like one of Strapi's entry or media events. */
export function isWebhookPayload(value: unknown): value is WebhookPayload {
  if (!isRecord(value) || typeof value.event !== 'string' || typeof value.createdAt !== 'string') return false;
  if ((ENTRY_EVENTS as readonly string[]).includes(value.event)) {
    return (
      typeof value.model === 'string' &&
      typeof value.uid === 'string' &&
      (value.entry === null || isRecord(value.entry))
    );
  }
  if ((MEDIA_EVENTS as readonly string[]).includes(value.event)) {
    return value.media === null || value.media === undefined || isRecord(value.media);
  }
  return false;
}
