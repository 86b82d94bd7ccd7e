import { buildPlan, buildSession } from './build-session';

/** The build's cache folder (the loaders' entries, the copies of uploads), from the build plan. */
export const buildCacheDir = () => buildPlan().cacheDir;

/**
 * A cache of one build's content (entries indexed, months, the sitemap, what a publish
 * affects). The builder's worker runs many builds in one process and the page modules stay
 * loaded between them, so these live in the build's session, which each build starts afresh,
 * not in module variables.
 */
export function perBuild<T>(name: string, make: () => T): T {
  const scope = buildSession().scope;
  if (!scope.has(name)) scope.set(name, make());
  return scope.get(name) as T;
}
