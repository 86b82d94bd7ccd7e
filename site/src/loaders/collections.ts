import type { Loader } from 'astro/loaders';
import type { BuildPlan } from '@newsroom/shared-types';
import { PAGE_TYPES } from '../lib/routes';
import { strapiLoader } from './strapi';
import { emptyLoader, previewLoader, readPreviewFile } from './preview';

/** Types read by the build that have no pages: governments (history mode) and retired addresses. */
const DATA_TYPES = ['government', 'retiredPage'] as const;

/**
 * A preview build holds only the draft being previewed and what its page names (people,
 * tags, governments): it renders in seconds and nothing else of the site.
 */
const PREVIEW_NEEDS = new Set<string>(['person', 'tag', 'government']);

/**
 * The loader of each content type the public reads, for a build's plan: Astro runs them as
 * its collections (content.config.ts), and a publish with the kept page code runs them itself
 * (integrations/kept-code.ts).
 */
export function loadersFor(plan: BuildPlan, cmsUrl: string): Record<string, Loader> {
  const preview = plan.preview ? readPreviewFile(plan.preview.entryFile) : null;
  const fromCms = (type: Parameters<typeof strapiLoader>[0]) =>
    strapiLoader(type, cmsUrl, { refetch: plan.refetch, changedTypes: plan.changedTypes });
  const loaderFor = (type: (typeof PAGE_TYPES)[number] | (typeof DATA_TYPES)[number]) => {
    if (!preview) return fromCms(type);
    if (type === preview.type) return previewLoader(preview, cmsUrl);
    return PREVIEW_NEEDS.has(type) ? fromCms(type) : emptyLoader(type);
  };
  return Object.fromEntries([...PAGE_TYPES, ...DATA_TYPES].map((type) => [type, loaderFor(type)]));
}
