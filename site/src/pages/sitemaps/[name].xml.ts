import type { APIRoute, GetStaticPaths } from 'astro';
import { config } from '../../config';
import { selectPaths } from '../../lib/incremental';
import { sitemapFile, sitemapFiles, sitemapXml } from '../../lib/sitemap';

export const getStaticPaths = (async () => {
  const files = await sitemapFiles();
  return selectPaths(
    '/sitemaps/[name].xml',
    [...files.keys()].map((name) => ({ params: { name } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(sitemapXml(await sitemapFile(params.name!), config.SITE_URL), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
