import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { isWebhookPayload } from '@newsroom/shared-types';
import { bearerMatches } from './auth';
import { refusalLog } from './refusals';
import type { Builder } from './builder';
import { RENDERING_PAGE, type PreviewRenderer } from './preview';

export const MAX_BODY = 1024 * 1024;

const ALLOWED: Record<string, string[]> = {
  '/webhook': ['POST'],
  '/status': ['GET', 'HEAD'],
  '/healthz': ['GET', 'HEAD'],
};

/** The builder's API: POST /webhook, GET /status, GET /healthz, POST /rollback/:id, GET /preview/…. */
export function builderServer(
  builder: Builder,
  secret: string,
  preview?: { renderer: PreviewRenderer; frameAncestor?: string },
  log: (line: string) => void = console.log,
): FastifyInstance {
  // Closing drops kept-alive connections too: a restarted API must not leave the CMS talking to the old one.
  const app = Fastify({ bodyLimit: MAX_BODY, logger: false, forceCloseConnections: true });
  const refused = refusalLog(log);

  // Whatever the Content-Type, the body must be JSON: anything else is a clear 400.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(Object.assign(new Error('The body is not JSON'), { statusCode: 400 }), undefined);
    }
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    const message =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `The body is over ${MAX_BODY} bytes`
        : status >= 500
          ? 'Internal error'
          : error.message;
    if (req.url.startsWith('/webhook')) refused(status, message, req.ip);
    void reply.code(status).send({ error: message });
  });
  // Before the body is read: a wrong method is 405 whatever it carries.
  app.addHook('onRequest', async (req, reply) => {
    const route = req.url.split('?')[0];
    const allowed = route.startsWith('/rollback/') ? ['POST'] : ALLOWED[route];
    if (allowed && !allowed.includes(req.method)) {
      return reply
        .code(405)
        .header('Allow', allowed.join(', '))
        .send({ error: `${req.method} is not allowed here` });
    }
  });
  app.setNotFoundHandler((_req, reply) => void reply.code(404).send({ error: 'Not found' }));

  app.post('/webhook', async (req, reply) => {
    const refuse = (status: number, error: string) => {
      refused(status, error, req.ip);
      return reply.code(status).send({ error });
    };
    if (!bearerMatches(req.headers.authorization, secret))
      return refuse(401, req.headers.authorization ? 'Wrong secret' : 'Missing secret');
    if (!isWebhookPayload(req.body)) return refuse(400, 'The body is not a Strapi webhook event');
    const build = builder.accept(req.body);
    return reply.code(202).send({ accepted: req.body.event, build });
  });

  app.post<{ Params: { id: string } }>('/rollback/:id', async (req, reply) => {
    if (!bearerMatches(req.headers.authorization, secret))
      return reply.code(401).send({ error: 'Wrong or missing secret' });
    try {
      return reply.send({ live: await builder.rollback(req.params.id) });
    } catch (error) {
      return reply.code(404).send({ error: (error as Error).message });
    }
  });

  if (preview) previewRoutes(app, preview.renderer, preview.frameAncestor);
  app.get('/status', () => builder.status());
  app.get('/healthz', () => ({ ok: true }));
  return app;
}

/**
 * Drafts rendered by the site's templates for a signed-in editor: the link's token is
 * checked here and again by the CMS. Never cached, never indexed; the admin may frame it.
 */
function previewRoutes(app: FastifyInstance, renderer: PreviewRenderer, frameAncestor?: string) {
  app.get<{
    Params: { type: string; documentId: string; locale: string };
    Querystring: { expires?: string; token?: string };
  }>('/preview/:type/:documentId/:locale', async (req, reply) => {
    const { type, documentId, locale } = req.params;
    const result = await renderer.render(
      { type, documentId, locale, expires: Number(req.query.expires) },
      String(req.query.token ?? ''),
    );
    reply
      .header('Cache-Control', 'no-store')
      .header('X-Robots-Tag', 'noindex')
      .header('Referrer-Policy', 'no-referrer');
    reply.header(
      'Content-Security-Policy',
      `default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors ${frameAncestor ?? "'self'"}`,
    );
    if (result.status === 202) return reply.code(202).type('text/html; charset=utf-8').send(RENDERING_PAGE);
    if (result.status !== 200) return reply.code(result.status).type('text/plain; charset=utf-8').send(result.message);
    return reply.type('text/html; charset=utf-8').send(result.html);
  });
  // Files of a preview build, typed by @fastify/static; only its sendFile, no route of its own.
  fs.mkdirSync(renderer.root, { recursive: true });
  app.register(fastifyStatic, { root: renderer.root, serve: false, cacheControl: false });
  app.get<{ Params: { key: string; '*': string } }>('/preview-assets/:key/*', async (req, reply) => {
    const file = renderer.asset(req.params.key, req.params['*']);
    if (!file) return reply.code(404).send({ error: 'Not found' });
    return reply.header('Cache-Control', 'private, max-age=3600').sendFile(file);
  });
}
