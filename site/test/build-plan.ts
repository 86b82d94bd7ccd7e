import os from 'node:os';
import path from 'node:path';
import type { BuildPlan } from '@newsroom/shared-types';

/** A build plan for the unit tests that start a build session (`startBuildSession(testPlan)`). */
const work = path.join(os.tmpdir(), 'newsroom-unit-build');
const plan: BuildPlan = {
  id: 'unit',
  outDir: path.join(work, 'out'),
  cacheDir: path.join(work, 'cache'),
  reportFile: path.join(work, 'report.json'),
  refetch: 'changed',
};
export default plan;
