import fs from 'node:fs';
import { mergeIntoJsonFile } from './json-file';

/** One entry as it was before this build's sync and as it is now (null: absent). */
export interface Change {
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** `unknown`: the loader cannot say what changed (a new store, a refetch of everything). */
export type TypeChanges = { unknown: true } | { changes: Change[] };

/** Past this many changes in one type, an incremental build would gain little: build it all. */
export const MAX_CHANGES = 200;

/**
 * When LOADER_CHANGES_FILE is set, each loader writes what its sync changed there; the
 * incremental build reads it to know which pages to render again.
 */
export function recordChanges(type: string, changes: TypeChanges) {
  const file = process.env.LOADER_CHANGES_FILE;
  if (file)
    mergeIntoJsonFile(
      file,
      type,
      'changes' in changes && changes.changes.length > MAX_CHANGES ? { unknown: true } : changes,
    );
}

export function readChanges(file: string | undefined): Record<string, TypeChanges> | null {
  if (!file || !fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, TypeChanges>;
}
