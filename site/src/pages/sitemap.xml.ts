import type { APIRoute } from 'astro';
import { config } from '../config';
import { pageSets, sitemapXml } from '../lib/sitemap';

export const GET: APIRoute = async () =>
  new Response(sitemapXml(await pageSets(), config.SITE_URL), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
