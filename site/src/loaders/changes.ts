import type { LoaderReport } from '@newsroom/shared-types';
import { buildSession } from '../lib/build-session';

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
 * A loader's sync, recorded in the build's session: what it did goes into the build's report
 * (the builder compares the listing's digest with the CMS's later, to find changes no webhook
 * announced) and what it changed tells the incremental build which pages to render again.
 */
export function recordSync(type: string, report: LoaderReport, changes: TypeChanges) {
  const session = buildSession();
  session.loaders[type] = report;
  session.changes[type] = 'changes' in changes && changes.changes.length > MAX_CHANGES ? { unknown: true } : changes;
}
