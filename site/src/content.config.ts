import { defineCollection } from 'astro:content';
import { buildPlan } from './lib/build-session';
import { config } from './config';
import { loadersFor } from './loaders/collections';

/** One collection per content type the public reads, each holding every locale. */
export const collections = Object.fromEntries(
  Object.entries(loadersFor(buildPlan(), config.CMS_URL)).map(([type, loader]) => [type, defineCollection({ loader })]),
);
