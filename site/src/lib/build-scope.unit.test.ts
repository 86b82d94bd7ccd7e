import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildPlan } from '@newsroom/shared-types';
import testPlan from '../../test/build-plan';
import { entriesDir, openEntryStore } from '../loaders/entry-store';
import { startBuildSession } from './build-session';
import { perEntries } from './build-scope';
import type { IncrementalState } from './incremental';

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-build-scope-'));
const plan: BuildPlan = { ...testPlan, cacheDir };

/** A build that starts from a live build made with the same code (`fingerprint`), or a full build. */
function build(from: { fingerprint: string } | 'full' = { fingerprint: 'code' }) {
  const session = startBuildSession(plan);
  if (from !== 'full')
    session.incremental = {
      base: '/live',
      manifest: { fingerprint: from.fingerprint } as IncrementalState['manifest'],
    };
}

/** A sync of the releases (the loader's work): `change` on the type's store. */
function sync(change: (store: ReturnType<typeof openEntryStore>) => void) {
  const store = openEntryStore(entriesDir(cacheDir), 'release');
  change(store);
  store.save();
}

/** What a build makes of the releases: a new object each time it is made. */
const made = () => perEntries('release', 'index:release', () => ({ madeAt: Symbol('made') }));

describe('what is made from a type’s entries', () => {
  it('is the same object in the next build while the entries are as they were', () => {
    sync((s) => (s.reset('http://cms'), s.set('en:a', { title: 'A' }, '1')));
    build();
    const first = made();
    expect(made()).toBe(first);
    build();
    expect(made()).toBe(first);
  });

  it('is made again once an entry was set, deleted or the store reset', () => {
    for (const change of [
      (s: ReturnType<typeof openEntryStore>) => s.set('en:b', { title: 'B' }, '1'),
      (s: ReturnType<typeof openEntryStore>) => s.delete('en:b'),
      (s: ReturnType<typeof openEntryStore>) => s.reset('http://cms'),
    ]) {
      build();
      const before = made();
      sync(change);
      build();
      expect(made()).not.toBe(before);
    }
  });

  it('is made again in a full build, and in a build of other code', () => {
    build();
    const before = made();
    build('full');
    expect(made()).not.toBe(before);
    build({ fingerprint: 'other code' });
    const other = made();
    expect(other).not.toBe(before);
    build({ fingerprint: 'other code' });
    expect(made()).toBe(other);
  });
});
