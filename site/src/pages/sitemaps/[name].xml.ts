import type { APIRoute, GetStaticPaths } from 'astro';
import { config } from '../../config';
import { selectPaths } from '../../lib/incremental';
import { sitemapFile, sitemapFiles, sitemapXml, type SitemapType } from '../../lib/sitemap';

export const getStaticPaths = (async () => {
  const files = await sitemapFiles();
  return selectPaths(
    '/sitemaps/[name].xml',
    [...files].map(([name, type]) => ({ params: { name }, props: { type } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) =>
  new Response(sitemapXml(await sitemapFile(props.type as SitemapType, params.name!), config.SITE_URL), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
