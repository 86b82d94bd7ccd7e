import type { Core } from '@strapi/strapi';

/**
 * Strapi 5 serves drafts to any role holding `find` when the query says `status=draft`,
 * even by a draft's documentId. The content API is the public's: it only ever reads
 * published entries. Editors see drafts in the admin, which does not go through /api.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return async (ctx: { method: string; path: string; query: Record<string, unknown> }, next: () => Promise<void>) => {
    const isRead = ctx.method === 'GET' || ctx.method === 'HEAD';
    if (isRead && (ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))) {
      ctx.query = { ...ctx.query, status: 'published' };
    }
    await next();
  };
};
