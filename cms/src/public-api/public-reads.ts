import type { Core } from '@strapi/strapi';
import { EMBARGO_UIDS } from '@newsroom/shared-types';
import { guardParams, type Params, type PublicModel } from './query-guard';

const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

type Model = { attributes?: Record<string, never>; options?: { draftAndPublish?: boolean } };

export function publicModel(strapi: Core.Strapi): PublicModel {
  const model = (uid: string) => strapi.getModel(uid as never) as Model | undefined;
  return {
    attributes: (uid) => model(uid)?.attributes ?? {},
    draftAndPublish: (uid) => model(uid)?.options?.draftAndPublish === true,
    embargoed: (uid) => (EMBARGO_UIDS as readonly string[]).includes(uid),
  };
}

/** The content-API route that is being served, whatever spelling of its path reached it. */
const isContentApi = (strapi: Core.Strapi) =>
  (strapi.requestContext.get() as { state?: { route?: { info?: { type?: string } } } } | undefined)?.state?.route?.info
    ?.type === 'content-api';

/**
 * The public reads published entries whose embargo is over, and nothing else. Enforced in
 * the document service, where the rows are read, for every read a content-API route makes:
 * the router matches `/API`, `/%61pi` or `//api` to the same route, so a check on the
 * request's path would not hold. The admin, the cron and scripts read everything.
 */
export function publicReadsMiddleware(strapi: Core.Strapi) {
  const model = publicModel(strapi);
  return async (context: { uid: string; action: string; params: Params }, next: () => Promise<unknown>) => {
    if (READS.has(context.action) && isContentApi(strapi))
      context.params = guardParams(model, context.uid, context.params ?? {}, new Date());
    return next();
  };
}
