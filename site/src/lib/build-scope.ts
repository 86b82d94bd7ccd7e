import { entriesDir, entriesVersion } from '../loaders/entry-store';
import { buildPlan, buildSession, keptAcrossBuilds } from './build-session';

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

/**
 * A cache of what is made from one content type's entries alone (indexed, grouped by month or
 * by what they link to): kept across the builds of the builder's worker while those entries
 * and the site's code and configuration are as they were. A publish changes one type; the
 * others' indexes, lists and months are the same objects as in the last build, so the digests
 * of the answers and props that hold them are not worked out again. A build that does not
 * start from the live build (a full build, a preview) makes everything afresh.
 */
export function perEntries<T>(type: string, name: string, make: () => T): T {
  return perBuild(name, () => {
    const { base, manifest } = buildSession().incremental;
    const version = entriesVersion(entriesDir(buildCacheDir()), type);
    if (!base || !manifest || version === null) return make();
    const token = `${manifest.fingerprint} ${buildCacheDir()} ${version}`;
    const held = madeFromEntries.get(name);
    if (held?.token === token) return held.value as T;
    const value = make();
    madeFromEntries.set(name, { token, value });
    return value;
  });
}
const madeFromEntries = keptAcrossBuilds<{ token: string; value: unknown }>('made from entries');
