import type { Env } from '../env';

type Ctx = { get(header: string): string; method: string; request: { origin: string } };

/** The origins the admin is reached from: its own, and PUBLIC_URL's behind a proxy. */
export function trustedOrigins(env: Pick<Env, 'PUBLIC_URL'>): string[] {
  return env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : [];
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * `strapi::cors`: credentials (the admin's cookies and tokens) only for the CMS's own
 * origin and PUBLIC_URL's. Sibling subdomains of one government domain share SameSite
 * cookies, so a site next door must get no more than anyone: published content, read
 * without credentials. The preview is fetched by the builder, server to server, and needs none.
 */
export function corsConfig(env: Pick<Env, 'PUBLIC_URL'>) {
  const trusted = trustedOrigins(env);
  const isTrusted = (ctx: Ctx) => {
    const origin = ctx.get('Origin');
    return origin === ctx.request.origin || trusted.includes(origin);
  };
  return {
    // Strapi's cors answers the request's own origin for a listed one, and nothing for an empty list.
    origin: (ctx: Ctx) =>
      isTrusted(ctx) ? [ctx.get('Origin')] : isRead(ctx.method) || isPreflightForRead(ctx) ? ['*'] : [],
    credentials: (ctx: Ctx) => isTrusted(ctx),
  };
}

const isPreflightForRead = (ctx: Ctx) =>
  ctx.method === 'OPTIONS' && isRead(ctx.get('Access-Control-Request-Method').toUpperCase());

/**
 * `strapi::security`: Strapi's CSP without the marketplace's image host, which the office's
 * admin never shows. Strapi merges its defaults into these lists index by index, so each
 * list is at least as long as Strapi's (four image sources).
 */
export const securityConfig = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'img-src': ["'self'", 'data:', 'blob:', "'self'"],
    },
  },
};
