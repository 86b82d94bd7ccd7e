import type { BuildPlan, LoaderReport } from '@newsroom/shared-types';
import type { TypeChanges } from '../loaders/changes';
import type { IncrementalState } from './incremental';
import { turns } from './turns';

/**
 * What the parts of one build hand each other inside the build process: the loaders (run while
 * Astro syncs), the pages (bundled, so a module graph of their own) and the build integration
 * (integrations/newsroom.ts). Module variables are not shared across those graphs, so this is
 * the one place they meet. The integration starts a new session, with the builder's plan, at
 * each build's start.
 *
 * The plan is read here at render time, never baked into the page bundle (as a Vite virtual
 * module would): in the builder's long-running worker, Node keeps every bundle module it has
 * imported by its file name, and a chunk whose name does not change between builds (the
 * middleware's) would keep the first build's imports while the others are new, so two copies
 * of a module would be live at once. decisions/0013-one-typed-build-contract.md tells how the
 * incremental test found it.
 */
export interface BuildSession {
  /** The builder's plan for this build (scripts/builder; `astro build` by hand gets a default one). */
  plan: BuildPlan | null;
  /** Caches of this build's content (entries indexed, months, the sitemap): see build-scope.ts. */
  scope: Map<string, unknown>;
  /** What each type's loader did, for the report. */
  loaders: Record<string, LoaderReport>;
  /** What each type's sync changed, for the incremental build. */
  changes: Record<string, TypeChanges>;
  /** The incremental build's state: the live build's manifest, what is rendered again, what each page read. */
  incremental: IncrementalState;
  /**
   * Given each page as it renders (src/middleware.ts), when the build wants it
   * (integrations/search-stream.ts), in the order the pages started.
   */
  pageRendered?: (address: string, bytes: Buffer) => void;
  /** The pages' turns to hand over what they rendered, in the order they started. */
  renderTurns: ReturnType<typeof turns>;
  /** Image encodings the build made, and of them those made while its pages rendered (early-images.ts). */
  images: { encoded: number; early: number };
}

interface ProcessState {
  session: BuildSession;
  /**
   * Kept from build to build in the builder's long-running worker: the loaders' parsed entry
   * files (loaders/entry-store.ts). The worker is the only writer of its cache's files and is
   * started afresh after a failed build, so what this holds is what the files hold.
   */
  kept: Map<string, unknown>;
  /** How the next build may publish with the page code kept from the last (see leavePublisher). */
  publisher?: KeptCodePublisher;
  /** What builds left to finish after they ended (their manifests): see afterBuild. */
  writing?: Promise<void>;
}

const KEY = Symbol.for('newsroom.site-build');
const newSession = (plan: BuildPlan | null): BuildSession => ({
  plan,
  scope: new Map(),
  loaders: {},
  changes: {},
  incremental: {},
  renderTurns: turns(),
  images: { encoded: 0, early: 0 },
});
const state = (): ProcessState =>
  ((globalThis as Record<symbol, ProcessState>)[KEY] ??= { session: newSession(null), kept: new Map() });

export const buildSession = (): BuildSession => state().session;

/** A build starts: nothing of the previous build's content is seen again. */
export function startBuildSession(plan: BuildPlan | null): BuildSession {
  return (state().session = newSession(plan));
}

/** Where a preview build's files are served (`/preview-assets/<key>`); '' for a public build, or outside a build. */
export const previewAssetsPrefix = (): string => state().session.plan?.preview?.assetsPrefix ?? '';

/** The plan of the build under way. */
export function buildPlan(): BuildPlan {
  const plan = state().session.plan;
  if (!plan)
    throw new Error('No site build is under way: the build integration (integrations/newsroom.ts) starts one.');
  return plan;
}

/** A map kept across the builds of this process, by name. */
export function keptAcrossBuilds<T>(name: string): Map<string, T> {
  const kept = state().kept;
  if (!kept.has(name)) kept.set(name, new Map<string, T>());
  return kept.get(name) as Map<string, T>;
}

/**
 * Work a build leaves to finish after it has ended (its manifest's write), which must never
 * fail: the next build waits for it before it changes what it writes, and the builder's worker
 * before it ends (build-worker.mjs reads `writing` from this process's state).
 */
export function afterBuild(work: Promise<void>) {
  const s = state();
  s.writing = Promise.all([s.writing, work]).then(() => undefined);
}

/** Done when the work builds left to finish is. */
export const writesAfterBuild = (): Promise<void> => state().writing ?? Promise.resolve();

/**
 * Renders pages with the page code Astro bundled in this process's last build, into `outDir`
 * with `cacheDir` as the build's cache: build-worker.mjs hands it to the publisher below.
 */
export type GenerateWithKeptCode = (outDir: string, cacheDir: string) => Promise<void>;

/**
 * A publish without Astro's build (integrations/kept-code.ts): true when it built, false when
 * the build needs Astro's (a preview, a full build, no live build to start from).
 */
export type KeptCodePublisher = (generate: GenerateWithKeptCode) => Promise<boolean>;

/**
 * The public build that just ended leaves the publisher for the next builds of this process
 * (build-worker.mjs reads it from this process's state); any other build takes it away.
 */
export function leavePublisher(publisher: KeptCodePublisher | undefined) {
  state().publisher = publisher;
}
