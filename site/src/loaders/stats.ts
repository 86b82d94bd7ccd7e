import fs from 'node:fs';
import path from 'node:path';

/**
 * When LOADER_STATS_FILE is set, each loader adds what it did to that JSON file: the
 * builder reports it and the pipeline test checks that an unchanged entry is not refetched.
 */
export function recordStats(type: string, stats: { listed: number; fetched: number; removed: number }) {
  const file = process.env.LOADER_STATS_FILE;
  if (!file) return;
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[type] = stats;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(all, null, 2));
}
