import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, signPreview, verifyPreview, type ContentTypeKey } from '@newsroom/shared-types';
import type { Env } from '../env';
import { typeKeyOf } from './versions';

/** A preview link works for an hour: long enough to read, short enough if it is forwarded. */
const LINK_LIFETIME_S = 3600;

const hasPages = (type: ContentTypeKey | undefined): type is ContentTypeKey =>
  Boolean(type && 'sections' in CONTENT_TYPES[type]);

/**
 * Strapi 5's free Preview button: for a signed-in editor, a link to the builder's preview
 * route for this draft, carrying a token only the CMS can make.
 */
export function previewConfig(env: Pick<Env, 'PREVIEW_URL' | 'PREVIEW_SECRET'>) {
  if (!env.PREVIEW_URL || !env.PREVIEW_SECRET) return { enabled: false };
  const base = env.PREVIEW_URL.replace(/\/+$/, '');
  const secret = env.PREVIEW_SECRET;
  return {
    enabled: true,
    config: {
      allowedOrigins: [new URL(base).origin],
      // Drafts only: the published version is on the site itself.
      async handler(
        uid: string,
        { documentId, locale, status }: { documentId: string; locale?: string; status?: string },
      ) {
        const type = typeKeyOf(uid);
        if (!hasPages(type) || !locale || status === 'published') return null;
        const target = { type, documentId, locale, expires: Math.floor(Date.now() / 1000) + LINK_LIFETIME_S };
        const token = await signPreview(secret, target);
        return `${base}/preview/${type}/${encodeURIComponent(documentId)}/${locale}?expires=${target.expires}&token=${token}`;
      },
    },
  };
}

/** The populate a type's public pages use, taken from its own route middleware. */
async function pagePopulate(strapi: Core.Strapi, type: ContentTypeKey) {
  const name = CONTENT_TYPES[type].uid.split('.')[0].replace('api::', '');
  const middleware = strapi.middleware(`api::${name}.populate`) as
    (() => (ctx: { query: Record<string, unknown> }, next: () => Promise<void>) => Promise<void>) | undefined;
  const ctx = { query: {} as Record<string, unknown> };
  if (middleware) await middleware()(ctx, async () => {});
  return ctx.query.populate ?? '*';
}

type Ctx = { params: Record<string, string>; query: Record<string, string>; status: number; body: unknown };

/**
 * The draft behind a preview link, for the builder to render. No admin session: the
 * link's token is the credential, checked against PREVIEW_SECRET.
 */
export function previewDraftHandler(strapi: Core.Strapi, secret: string | undefined) {
  return async (ctx: Ctx) => {
    const { type, documentId, locale } = ctx.params;
    const target = { type, documentId, locale, expires: Number(ctx.query.expires) };
    if (
      !secret ||
      !hasPages(type as ContentTypeKey) ||
      !(await verifyPreview(secret, target, String(ctx.query.token ?? '')))
    ) {
      ctx.status = 403;
      ctx.body = {
        error: {
          status: 403,
          name: 'ForbiddenError',
          message: 'This preview link is not valid or has expired. Open the preview again from the admin.',
        },
      };
      return;
    }
    const uid = CONTENT_TYPES[type as ContentTypeKey].uid;
    const draft = await strapi.documents(uid as never).findOne({
      documentId,
      locale,
      status: 'draft',
      populate: (await pagePopulate(strapi, type as ContentTypeKey)) as never,
    });
    if (!draft) {
      ctx.status = 404;
      ctx.body = { error: { status: 404, name: 'NotFoundError', message: `No ${type} ${documentId} in ${locale}.` } };
      return;
    }
    ctx.body = { data: draft };
  };
}
