import { mergeIntoJsonFile } from './json-file';

/**
 * When LOADER_STATS_FILE is set, each loader adds what it did to that JSON file: the
 * builder reports it and the pipeline test checks that an unchanged entry is not refetched.
 * `digest` is the listing's (shared-types' listingDigest): the builder compares it with the
 * CMS's later to find changes no webhook announced.
 */
export function recordStats(type: string, stats: { listed: number; fetched: number; removed: number; digest: string }) {
  const file = process.env.LOADER_STATS_FILE;
  if (file) mergeIntoJsonFile(file, type, stats);
}
