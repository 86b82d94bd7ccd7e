import { defineCollection } from 'astro:content';
import { config } from './config';
import { strapiLoader } from './loaders/strapi';
import { PAGE_TYPES } from './lib/routes';

/** Types read by the build that have no pages: governments (history mode) and retired addresses. */
export const DATA_TYPES = ['government', 'retiredPage'] as const;

/** One collection per content type the public reads, each holding every locale. */
export const collections = Object.fromEntries(
  [...PAGE_TYPES, ...DATA_TYPES].map((type) => [type, defineCollection({ loader: strapiLoader(type, config.CMS_URL) })]),
);
