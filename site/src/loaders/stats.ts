import { mergeIntoJsonFile } from './json-file';

/**
 * When LOADER_STATS_FILE is set, each loader adds what it did to that JSON file: the
 * builder reports it and the pipeline test checks that an unchanged entry is not refetched.
 */
export function recordStats(type: string, stats: { listed: number; fetched: number; removed: number }) {
  const file = process.env.LOADER_STATS_FILE;
  if (file) mergeIntoJsonFile(file, type, stats);
}
