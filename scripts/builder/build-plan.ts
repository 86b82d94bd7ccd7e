import fs from 'node:fs';
import path from 'node:path';
import { BUILD_PLAN_VARIABLE, type BuildPlan, type BuildReport } from '@newsroom/shared-types';

/**
 * Writes a build's plan beside where its report will be, and answers the environment a site
 * build runs with: the operator's settings and the plan's file, nothing else of the build.
 */
export function planEnvironment(plan: BuildPlan, planFile: string, env: NodeJS.ProcessEnv = process.env) {
  fs.mkdirSync(path.dirname(planFile), { recursive: true });
  fs.writeFileSync(planFile, JSON.stringify(plan));
  return { ...env, [BUILD_PLAN_VARIABLE]: planFile };
}

/**
 * A plan for a build into `outDir` outside the builder (the benchmark's builds, the tests'):
 * its report and plan files beside the folder, only changed bodies fetched, unless `extra` says otherwise.
 */
export function planBeside(outDir: string, cacheDir: string, extra: Partial<BuildPlan> = {}): BuildPlan {
  return {
    id: path.basename(outDir),
    outDir,
    cacheDir,
    reportFile: `${outDir}.report.json`,
    refetch: 'changed',
    ...extra,
  };
}

/** The report a build wrote, or null when it wrote none (a BUILD_COMMAND of the operator's own). */
export function readBuildReport(plan: BuildPlan): Partial<BuildReport> | null {
  if (!fs.existsSync(plan.reportFile)) return null;
  return JSON.parse(fs.readFileSync(plan.reportFile, 'utf8')) as Partial<BuildReport>;
}
