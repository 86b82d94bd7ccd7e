import { defineCollection } from 'astro:content';
import { buildPlan } from './lib/build-session';
import { config } from './config';
import { strapiLoader } from './loaders/strapi';
import { emptyLoader, previewLoader, readPreviewFile } from './loaders/preview';
import { PAGE_TYPES } from './lib/routes';

/** Types read by the build that have no pages: governments (history mode) and retired addresses. */
export const DATA_TYPES = ['government', 'retiredPage'] as const;

/**
 * A preview build holds only the draft being previewed and what its page names (people,
 * tags, governments): it renders in seconds and nothing else of the site.
 */
const PREVIEW_NEEDS = new Set<string>(['person', 'tag', 'government']);
const plan = buildPlan();
const preview = plan.preview ? readPreviewFile(plan.preview.entryFile) : null;
const fromCms = (type: Parameters<typeof strapiLoader>[0]) =>
  strapiLoader(type, config.CMS_URL, { refetch: plan.refetch });

function loaderFor(type: (typeof PAGE_TYPES)[number] | (typeof DATA_TYPES)[number]) {
  if (!preview) return fromCms(type);
  if (type === preview.type) return previewLoader(preview, config.CMS_URL);
  return PREVIEW_NEEDS.has(type) ? fromCms(type) : emptyLoader(type);
}

/** One collection per content type the public reads, each holding every locale. */
export const collections = Object.fromEntries(
  [...PAGE_TYPES, ...DATA_TYPES].map((type) => [type, defineCollection({ loader: loaderFor(type) })]),
);
