import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { DEFAULT_LOCALE, LOCALES, localeInfo } from '@newsroom/shared-types';
import { currentLink } from './deploy';

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves the live build for local use, as nginx does in production: folders answer with
 * their index.html, feeds and data with their types, unknown paths with the 404 page of
 * the path's language. The `current` link is read on every request, so a switch is seen at once.
 */
export function staticServer(buildsDir: string): FastifyInstance {
  const app = Fastify({ logger: false });
  const root = currentLink(buildsDir);
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
    const prefix = req.url.split('/')[1];
    const locale = LOCALES.find((l) => l.prefix === prefix)?.prefix ?? localeInfo(DEFAULT_LOCALE).prefix;
    const page = path.join(root, locale, '404', 'index.html');
    if (!fs.existsSync(page)) return reply.code(404).type('text/plain').send('Not found');
    return reply.code(404).type('text/html; charset=utf-8').send(fs.createReadStream(page));
  });
  return app;
}
