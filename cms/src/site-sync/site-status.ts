import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, formatOfficeTime } from '@newsroom/shared-types';
import { deliveryState, type DeliveryState } from './deliveries';

/** A build usually goes live within seconds; after this, a change not on the site is "behind". */
export const BEHIND_AFTER_MS = 2 * 60_000;

export interface SiteStatus {
  /** Since when the site has been missing a change the CMS has, or null when it follows. */
  behindSince: string | null;
  behindSinceOffice: string | null;
  reasons: string[];
  lastDelivery: DeliveryState['last'] | null;
  liveBuild: { id: string; startedAt: string } | null;
}

type BuilderStatus = { live: { id: string; startedAt?: string } | null; running: unknown; queued: unknown[] };

/** The builder's /status, beside its webhook. */
export async function fetchBuilderStatus(webhookUrl: string): Promise<BuilderStatus> {
  const res = await fetch(new URL('/status', webhookUrl), { signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error(`answered ${res.status}`);
  return (await res.json()) as BuilderStatus;
}

const PUBLIC_UIDS = Object.values(CONTENT_TYPES)
  .filter((t) => t.publicRead)
  .map((t) => t.uid);

/** The first change to public content (a publish, or an unpublish recorded as a retired page) after `since`. */
async function firstChangeAfter(strapi: Core.Strapi, since: string): Promise<string | null> {
  let first: number | null = null;
  const consider = (value: string | Date | null | undefined) => {
    const t = value ? new Date(value).getTime() : NaN;
    if (!Number.isNaN(t) && (first === null || t < first)) first = t;
  };
  for (const uid of PUBLIC_UIDS) {
    const [row] = (await strapi.db.query(uid).findMany({
      where: { publishedAt: { $gt: since } },
      select: ['publishedAt'],
      orderBy: { publishedAt: 'asc' },
      limit: 1,
    })) as Array<{ publishedAt: string }>;
    consider(row?.publishedAt);
  }
  const [retired] = (await strapi.db.query(CONTENT_TYPES.retiredPage.uid).findMany({
    where: { updatedAt: { $gt: since } },
    select: ['updatedAt'],
    orderBy: { updatedAt: 'asc' },
    limit: 1,
  })) as Array<{ updatedAt: string }>;
  consider(retired?.updatedAt);
  return first === null ? null : new Date(first).toISOString();
}

/**
 * Whether the public site follows the CMS, for the editorial desk: behind when the last
 * delivery to the builder failed, or when something was published or taken down after the
 * live build started and a couple of minutes have passed.
 */
export async function siteStatus(
  strapi: Core.Strapi,
  webhookUrl: string | undefined,
  now: Date,
  builder = fetchBuilderStatus,
): Promise<SiteStatus> {
  const deliveries = await deliveryState(strapi);
  const reasons: string[] = [];
  const since: string[] = [];
  if (deliveries.failingSince && deliveries.last && !deliveries.last.ok) {
    reasons.push(
      `the site builder refused the last change sent to it (${deliveries.last.status}${deliveries.last.message ? `: ${deliveries.last.message}` : ''})`,
    );
    since.push(deliveries.failingSince);
  }
  let liveBuild: SiteStatus['liveBuild'] = null;
  if (webhookUrl) {
    try {
      const status = await builder(webhookUrl);
      if (status.live?.startedAt) {
        liveBuild = { id: status.live.id, startedAt: status.live.startedAt };
        const change = await firstChangeAfter(strapi, status.live.startedAt);
        if (change && now.getTime() - new Date(change).getTime() > BEHIND_AFTER_MS) {
          reasons.push(`the live build (${status.live.id}) started before changes published since ${change}`);
          since.push(change);
        }
      }
    } catch (error) {
      reasons.push(
        `the site builder does not answer at ${new URL('/status', webhookUrl).href}: ${(error as Error).message}`,
      );
    }
  }
  const behindSince = since.sort()[0] ?? null;
  return {
    behindSince,
    behindSinceOffice: behindSince ? formatOfficeTime(behindSince) : null,
    reasons,
    lastDelivery: deliveries.last ?? null,
    liveBuild,
  };
}
