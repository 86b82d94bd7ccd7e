import type { Core } from '@strapi/strapi';
import { EMBARGO_UIDS } from '@newsroom/shared-types';

type Populate = string | string[] | boolean | Record<string, unknown> | undefined;
type Params = { filters?: Record<string, unknown>; populate?: Populate; [k: string]: unknown };
type Attribute = { type: string; target?: string };

const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);
const isEmbargoed = (uid: string | undefined) => Boolean(uid && (EMBARGO_UIDS as readonly string[]).includes(uid));

/** Entries whose embargo is over or never was. */
export const liftedBy = (now: Date) => ({ $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: now.toISOString() } }] });

const withLifted = (filters: Record<string, unknown> | undefined, now: Date) => (filters ? { $and: [filters, liftedBy(now)] } : liftedBy(now));

/** Every populate form Strapi accepts (`*`, `a,b`, arrays, objects), as an object. */
function asObject(uid: string, populate: Populate, strapi: Core.Strapi): Record<string, unknown> {
  if (populate === undefined || populate === false) return {};
  const attributes = ((strapi.getModel(uid as never) as { attributes?: Record<string, unknown> } | undefined)?.attributes ?? {}) as Record<string, Attribute>;
  if (populate === '*' || populate === true) {
    const populatable = Object.entries(attributes).filter(
      ([, a]) => ['relation', 'media', 'component', 'dynamiczone'].includes(a.type) && !(a as { private?: boolean }).private && !a.target?.startsWith('admin::'),
    );
    return Object.fromEntries(populatable.map(([n]) => [n, true]));
  }
  if (typeof populate === 'string') return Object.fromEntries(populate.split(',').map((n) => [n.trim(), true]));
  if (Array.isArray(populate)) return Object.fromEntries(populate.map((n) => [n, true]));
  return { ...populate };
}

/** Adds the embargo filter to every populated relation that leads to an embargoed type, at any depth. */
export function guardPopulate(strapi: Core.Strapi, uid: string, populate: Populate, now: Date): Populate {
  if (populate === undefined) return populate;
  const attributes = ((strapi.getModel(uid as never) as { attributes?: Record<string, unknown> } | undefined)?.attributes ?? {}) as Record<string, Attribute>;
  const object = asObject(uid, populate, strapi);
  let changed = false;
  for (const [name, value] of Object.entries(object)) {
    const target = attributes[name]?.type === 'relation' ? attributes[name].target : undefined;
    const nestedPopulate = typeof value === 'object' && value !== null ? (value as Params).populate : undefined;
    if (!target || (!isEmbargoed(target) && nestedPopulate === undefined)) continue;
    const nested = typeof value === 'object' && value !== null ? { ...(value as Params) } : {};
    if (nestedPopulate !== undefined) nested.populate = guardPopulate(strapi, target, nestedPopulate, now);
    if (isEmbargoed(target)) nested.filters = withLifted(nested.filters, now);
    object[name] = nested;
    changed = true;
  }
  // Left as asked unless a relation needed guarding, so `*` keeps Strapi's own meaning.
  return changed ? object : populate;
}

/**
 * Before its embargo, nothing of an item reaches the public API, even if someone published
 * it by mistake: every read through the content API (lists, by documentId, any locale or
 * status, and relations populated from other items) leaves it out until the time.
 * The admin, the cron and scripts read everything.
 */
export function embargoMiddleware(strapi: Core.Strapi) {
  return async (context: { uid: string; action: string; params: Params }, next: () => Promise<unknown>) => {
    const route = (strapi.requestContext.get() as { state?: { route?: { info?: { type?: string } } } } | undefined)?.state?.route;
    if (route?.info?.type === 'content-api' && READS.has(context.action)) {
      const now = new Date();
      const params = { ...(context.params ?? {}) };
      if (isEmbargoed(context.uid)) params.filters = withLifted(params.filters, now);
      if (params.populate !== undefined) params.populate = guardPopulate(strapi, context.uid, params.populate, now);
      context.params = params;
    }
    return next();
  };
}
