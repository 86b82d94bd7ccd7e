import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import {
  BUILDING_PAGE,
  BUILDING_RETRY_SECONDS,
  DEFAULT_LOCALE,
  FORMS,
  INTAKE_MAX_BYTES,
  INTAKE_PREFIX,
  LOCALE_CODES,
  LOCALES,
  fillReference,
  homeForLanguages,
  localeInfo,
  parseRedirects,
  type RedirectRule,
  thanksPath,
  type FormKind,
} from '@newsroom/shared-types';
import { currentLink } from './deploy';

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

type Rules = ReturnType<typeof parseRedirects>;

/**
 * The live build's `_redirects`, read again when the build changes. A line that is not a
 * plain rule of this site is ignored, as the site's build would never write it.
 */
function retiredRules(root: string) {
  let seen = '';
  let rules: Rules = new Map<string, RedirectRule>();
  return (): Rules => {
    // Read where the link pointed when asked: a build is never changed once live, so what is
    // read is the file of the build stamped, even if a switch comes between.
    let real: string;
    try {
      real = fs.realpathSync(path.join(root, '_redirects'));
    } catch {
      real = '';
    }
    if (real !== seen) {
      seen = real;
      rules = real ? parseRedirects(fs.readFileSync(real, 'utf8')) : new Map<string, RedirectRule>();
    }
    return rules;
  };
}

const localeOf = (url: string) =>
  LOCALES.find((l) => l.prefix === url.split('/')[1])?.prefix ?? localeInfo(DEFAULT_LOCALE).prefix;

/**
 * Serves the live build for local use, as nginx does in production: folders answer with
 * their index.html, feeds and data with their types, unknown paths with the 404 page of
 * the path's language, removed items' addresses as `_redirects` says (410 Gone with the
 * page of the path's language, or 301), the root as a redirect to the reader's language, a form's thank-you page with the reference from its
 * `?ref=` (as nginx's server-side include does), and, given the CMS, the forms' intake passed
 * on to it. The `current` link is read on every request, so a switch is seen at once.
 */
export function staticServer(buildsDir: string, options: { cmsUrl?: string } = {}): FastifyInstance {
  const app = Fastify({ logger: false });
  const root = currentLink(buildsDir);
  const rules = retiredRules(root);
  if (options.cmsUrl) intakeProxy(app, options.cmsUrl);
  const thanks = new Set(
    (Object.keys(FORMS) as FormKind[]).flatMap((kind) => LOCALE_CODES.map((l) => thanksPath(kind, l))),
  );
  // Before the first build is live, every address answers the page that says so, as nginx does.
  app.addHook('onRequest', async (req, reply) => {
    if (fs.existsSync(path.join(root, 'index.html')) || req.url.startsWith(INTAKE_PREFIX)) return;
    return reply
      .code(503)
      .header('Retry-After', String(BUILDING_RETRY_SECONDS))
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(BUILDING_PAGE);
  });
  // The root sends a reader to their language, as nginx does; with none of ours, the language chooser.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || req.url.split('?')[0] !== '/') return;
    const home = homeForLanguages(req.headers['accept-language']);
    if (home) return reply.header('Vary', 'Accept-Language').redirect(home, 302);
  });
  app.addHook('onRequest', async (req, reply) => {
    const [pathname, query] = req.url.split('?');
    if (req.method !== 'GET' || !thanks.has(pathname)) return;
    const file = path.join(root, pathname, 'index.html');
    if (!fs.existsSync(file)) return;
    const html = fillReference(fs.readFileSync(file, 'utf8'), new URLSearchParams(query ?? '').get('ref'));
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
  });
  app.addHook('onRequest', async (req, reply) => {
    // Fastify answers 400 to a malformed encoding before any hook.
    const rule = rules().get(decodeURI(req.url.split('?')[0]));
    if (!rule) return;
    if (rule.status === 301) return reply.redirect(rule.to, 301);
    const page = path.join(root, localeOf(req.url), '410', 'index.html');
    return reply
      .code(410)
      .type('text/html; charset=utf-8')
      .send(fs.existsSync(page) ? fs.createReadStream(page) : 'Gone');
  });
  app.register(fastifyStatic, {
    root,
    redirect: true,
    index: ['index.html'],
    setHeaders: (reply, file) => {
      const type = TYPES[path.extname(file)];
      if (type) reply.header('Content-Type', type);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const page = path.join(root, localeOf(req.url), '404', 'index.html');
    if (!fs.existsSync(page)) return reply.code(404).type('text/plain').send('Not found');
    return reply.code(404).type('text/html; charset=utf-8').send(fs.createReadStream(page));
  });
  return app;
}

/** Headers the intake needs from the browser, and the ones its answer needs back. */
const ASKED = ['content-type', 'accept', 'accept-language'];
const ANSWERED = ['content-type', 'location', 'retry-after'];

/**
 * The forms post to /intake/ on the site's own origin; as nginx does in production, only
 * that path is passed to the CMS, with the client's address. A body over INTAKE_MAX_BYTES is
 * refused here with 413, before it reaches the CMS.
 */
function intakeProxy(app: FastifyInstance, cmsUrl: string) {
  app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: INTAKE_MAX_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    // GET: the pages behind the links in alert mails (confirm, unsubscribe, manage).
    scope.route({
      method: ['GET', 'POST'],
      url: `${INTAKE_PREFIX}*`,
      handler: async (req, reply) => {
        const headers: Record<string, string> = { 'x-forwarded-for': req.ip };
        for (const name of ASKED) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
        const answer = await fetch(new URL(req.url, cmsUrl), {
          method: req.method,
          headers,
          body: req.method === 'POST' ? new Uint8Array(req.body as Buffer) : undefined,
          redirect: 'manual',
        });
        for (const name of ANSWERED) {
          const value = answer.headers.get(name);
          if (value) reply.header(name, value);
        }
        return reply.code(answer.status).send(Buffer.from(await answer.arrayBuffer()));
      },
    });
    done();
  });
}
