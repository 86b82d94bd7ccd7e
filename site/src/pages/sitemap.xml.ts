import type { APIRoute } from 'astro';
import { config } from '../config';
import { sitemapFiles, sitemapIndexXml } from '../lib/sitemap';

export const GET: APIRoute = async () =>
  new Response(sitemapIndexXml([...(await sitemapFiles()).keys()].sort(), config.SITE_URL), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
