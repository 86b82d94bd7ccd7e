/**
 * The contract between the builder and the site's build: the builder hands a build a plan and
 * reads back its report. One declaration for both sides; nothing else passes between them
 * (the environment carries only the operator's settings: CMS_URL, SITE_URL, SITE_TIME_ZONE…).
 */
import { CONTENT_TYPES, type ContentTypeKey } from './content-types';

/**
 * What the site's pages are made from besides the content, relative to the repository: when
 * any of it changes, the next build renders everything (the site's code fingerprint), and the
 * builder starts its build worker afresh (Node keeps the modules a process has imported).
 */
export const SITE_CODE_PATHS = [
  'site/src',
  'site/integrations',
  'site/public',
  'site/astro.config.ts',
  'site/package.json',
  'shared-types/src',
  'package-lock.json',
] as const;

/** The environment variable naming the plan's file: the only one the builder sets per build. */
export const BUILD_PLAN_VARIABLE = 'NEWSROOM_BUILD_PLAN';

/** What the builder asks of one site build. Folders are absolute paths. */
export interface BuildPlan {
  /** The builder's id of the build, for its log lines. */
  id: string;
  /** Where the build writes its files; the builder makes it live or removes it. */
  outDir: string;
  /** Astro's cache, the loaders' entries and the manifests: shared by the builds that follow each other. */
  cacheDir: string;
  /** Where the build writes its BuildReport when it is done. */
  reportFile: string;
  /**
   * The live build this one may start from: the build renders what changed into `outDir` and
   * reports what of the live build to leave out (`BuildReport.fromBase`); the builder carries
   * the rest. Without it the build is full.
   */
  base?: string;
  /** A store of search bundles outside the builds, which builds link to by folder. */
  searchBundles?: string;
  /** `all`: fetch every entry's body again (a media file changed, which no entry's date shows). */
  refetch: 'changed' | 'all';
  /**
   * The content types the build's events named (each CMS webhook names its type): only their
   * loaders ask the CMS what changed; every other type is as its last sync left it. Absent:
   * every type is synced (a first build, the safety net, a media change, a failed build before).
   */
  changedTypes?: ContentTypeKey[];
  /** A preview of one draft: its file (`{ type, entry }`) and where the builder serves the preview's files. */
  preview?: { entryFile: string; assetsPrefix: string };
}

/** What one type's loader did in this build. `digest` is the CMS listing's (listingDigest). */
export interface LoaderReport {
  listed: number;
  fetched: number;
  removed: number;
  digest: string;
}

/** What the build did, for the builder's checks, signing, search and `/status`. */
export interface BuildReport {
  mode: 'incremental' | 'full';
  /** Why the build was full. */
  fullBecause?: string;
  /** Pages (`.html`) in the finished build. */
  pages: number;
  /** Files rendered by this build, and files of the live build kept by hard link. */
  files: { rendered: number; reused: number };
  /**
   * An incremental build: `outDir` holds only what it rendered, and the builder carries every
   * file and link of the plan's `base` into the new build except `dropped` (paths relative to
   * the build, files or folders): pages rendered anew or gone, assets no page refers to any
   * more, search bundles made anew or gone. Without it, `outDir` is the whole build.
   */
  fromBase?: { dropped: string[] };
  /** An incremental build's `record.json` files: written, and removed since the live build. */
  records?: { written: string[]; removed: string[] };
  /**
   * Search bundles written anew (`en-2026`…), and the pages indexed in them. `stored`: the
   * bundles written to the plan's `searchBundles` store, by name, with their folder there; the
   * builder links each as `pagefind/<name>`. `early`: the bundles a publish started indexing
   * while its pages rendered, and those of them it used (the others were indexed afresh).
   */
  search: {
    bundles: string[];
    pagesIndexed: number;
    stored?: Record<string, string>;
    early?: { started: string[]; used: string[] };
  };
  /** Per content type, what its loader did. */
  loaders: Record<string, LoaderReport>;
  /**
   * Image encodings the build made (Astro keeps them in its cache: a build makes only those it
   * has not), and of them those made while its pages rendered (site/src/lib/early-images.ts).
   */
  images?: { encoded: number; early: number };
  /**
   * How the pages were rendered: by an Astro build, which bundles the page code (`bundled`),
   * or by the builder's worker with the page code its last public build bundled (`kept`).
   */
  pageCode?: 'bundled' | 'kept';
  /** Where the build's time went, in milliseconds, by phase. */
  timingsMs: Record<string, number>;
}

/** Milliseconds since the last call (the first call: since `from`): a report's timings by phase. */
export function stopwatch(from = Date.now()): () => number {
  let since = from;
  return () => {
    const now = Date.now();
    const ms = now - since;
    since = now;
    return ms;
  };
}

/**
 * A preview's assets prefix: a path of this site, like `/preview-assets/3f2a`. Never `//host`
 * (a protocol-relative address elsewhere), a dot segment or an ending slash.
 */
const ASSETS_PREFIX = /^(?:\/[A-Za-z0-9_-]+)+$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isAbsolute = (value: unknown): value is string => typeof value === 'string' && value.startsWith('/');

/** A plan read from its file, checked: a build never starts from a plan it misreads. */
export function parseBuildPlan(text: string): BuildPlan {
  const plan: unknown = JSON.parse(text);
  const problems: string[] = [];
  if (!isObject(plan)) throw new Error('The build plan is not a JSON object.');
  if (typeof plan.id !== 'string' || plan.id === '') problems.push('id');
  for (const key of ['outDir', 'cacheDir', 'reportFile']) if (!isAbsolute(plan[key])) problems.push(key);
  for (const key of ['base', 'searchBundles'])
    if (plan[key] !== undefined && !isAbsolute(plan[key])) problems.push(key);
  if (plan.refetch !== 'changed' && plan.refetch !== 'all') problems.push('refetch');
  const types = plan.changedTypes;
  if (
    types !== undefined &&
    !(Array.isArray(types) && types.every((t) => typeof t === 'string' && Object.hasOwn(CONTENT_TYPES, t)))
  )
    problems.push('changedTypes');
  const preview = plan.preview;
  if (
    preview !== undefined &&
    !(
      isObject(preview) &&
      isAbsolute(preview.entryFile) &&
      typeof preview.assetsPrefix === 'string' &&
      ASSETS_PREFIX.test(preview.assetsPrefix)
    )
  )
    problems.push('preview');
  if (problems.length > 0) throw new Error(`The build plan is invalid: ${problems.join(', ')}.`);
  return plan as unknown as BuildPlan;
}
