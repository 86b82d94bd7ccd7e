import type { APIRoute } from 'astro';
import { LOCALE_CODES, nginxMap, redirectsFile, type RetiredPage } from '@newsroom/shared-types';
import { allEntries, load } from '../lib/content';
import { itemPath, PAGE_TYPES } from '../lib/routes';
import { retiredRules } from '../lib/retired';

/**
 * The addresses of removed items: `_redirects` for static hosts and the builder's own
 * server, `_retired.map` for nginx (deploy/nginx.conf includes it from the live build).
 */
const FILES = { _redirects: redirectsFile, '_retired.map': nginxMap } as const;

export function getStaticPaths() {
  return Object.keys(FILES).map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
  const live = new Set<string>();
  for (const type of PAGE_TYPES) {
    for (const locale of LOCALE_CODES)
      for (const e of await allEntries(type, locale)) live.add(itemPath(type, locale, e.slug));
  }
  const warn = params.file === '_redirects' ? (message: string) => console.warn(`[newsroom] ${message}`) : undefined;
  const rules = retiredRules((await load('retiredPage')) as unknown as RetiredPage[], live, warn);
  return new Response(FILES[params.file as keyof typeof FILES](rules), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
