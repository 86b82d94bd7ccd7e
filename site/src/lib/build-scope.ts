/**
 * Caches that hold one build's content (entries indexed, months, the sitemap, what a publish
 * affects). The builder's worker runs many builds in one process and the page modules stay
 * loaded between them, so these live in a scope that each build starts afresh
 * (`integrations/build-scope.mjs`), not in module variables.
 */
const KEY = Symbol.for('newsroom.build-scope');

/** The build's cache folder (the loaders' entries, the copies of uploads), as the Astro config set it. */
export const buildCacheDir = () => process.env.NEWSROOM_CACHE_DIR ?? '';

export function perBuild<T>(name: string, make: () => T): T {
  const scope = ((globalThis as Record<symbol, Map<string, unknown>>)[KEY] ??= new Map());
  if (!scope.has(name)) scope.set(name, make());
  return scope.get(name) as T;
}
