import type { APIRoute } from 'astro';
import { isLocale, nginxMap, redirectsFile, type RetiredPage } from '@newsroom/shared-types';
import { hasPage, load } from '../lib/content';
import { selectPaths } from '../lib/incremental';
import { itemPath, PAGE_TYPES, SERVER_FILES, type PageType, type ServerFile } from '../lib/routes';
import { retiredRules } from '../lib/retired';

/**
 * The addresses of removed items: `_redirects` for static hosts and the builder's own
 * server, `_retired.map` for nginx (deploy/nginx.conf includes it from the live build).
 */
const FILES: Record<ServerFile, typeof nginxMap> = { _redirects: redirectsFile, '_retired.map': nginxMap };

export function getStaticPaths() {
  return selectPaths(
    '/[file]',
    SERVER_FILES.map((file) => ({ params: { file } })),
  );
}

const isPageType = (type: string): type is PageType => (PAGE_TYPES as readonly string[]).includes(type);

/**
 * The retired addresses that have a page again. Asked address by address, not of every entry:
 * so the files render again only when a retired address is taken or freed, not on every publish.
 */
async function livePaths(retired: RetiredPage[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (const { contentType, pageLocale, slug } of retired) {
    if (!isPageType(contentType) || !isLocale(pageLocale)) continue;
    if (await hasPage(contentType, pageLocale, slug)) live.add(itemPath(contentType, pageLocale, slug));
  }
  return live;
}

export const GET: APIRoute = async ({ params }) => {
  const retired = (await load('retiredPage')) as unknown as RetiredPage[];
  const warn = params.file === '_redirects' ? (message: string) => console.warn(`[newsroom] ${message}`) : undefined;
  const rules = retiredRules(retired, await livePaths(retired), warn);
  return new Response(FILES[params.file as ServerFile](rules), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
