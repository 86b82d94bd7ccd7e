import path from 'node:path';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '..', '..');
export const DEFAULT_BUILDS_DIR = path.join(root, 'builds');

/** The site build's heap limit unless BUILD_HEAP_MB says otherwise (see the setting). */
export const DEFAULT_BUILD_HEAP_MB = 1536;

const schema = z
  .object({
    BUILDER_WEBHOOK_SECRET: z
      .string({
        error: 'BUILDER_WEBHOOK_SECRET is required: the secret Strapi sends as "Authorization: Bearer <secret>"',
      })
      .min(16, 'BUILDER_WEBHOOK_SECRET must be at least 16 characters'),
    BUILDER_HOST: z.string().default('127.0.0.1'),
    BUILDER_PORT: z.coerce.number().int().min(0).max(65535).default(4322),
    SITE_HOST: z.string().default('127.0.0.1'),
    SITE_PORT: z.coerce.number().int().min(0).max(65535).default(4321),
    /** Where builds/<id>/ and the `current` link live. */
    BUILDS_DIR: z.string().default(DEFAULT_BUILDS_DIR),
    CMS_URL: z.url().default('http://127.0.0.1:1337'),
    /** The site build; receives its plan's file in NEWSROOM_BUILD_PLAN and writes the report the plan names. */
    BUILD_COMMAND: z.string().optional(),
    QUIET_MS: z.coerce.number().int().min(0).default(100),
    MAX_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
    BUILD_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(10 * 60_000),
    KEEP_BUILDS: z.coerce.number().int().min(1).default(5),
    /**
     * The site build's JavaScript heap, in MiB (Node's --max-old-space-size). Without a limit,
     * V8 on a large machine lets the heap grow long before it collects: a full build of 10 000
     * documents × 3 languages peaked over 2 GiB without one (docs/performance.md).
     */
    BUILD_HEAP_MB: z.coerce.number().int().min(256).default(DEFAULT_BUILD_HEAP_MB),
    /** A build with fewer pages than (1 - share) × the live one fails, unless the CMS lists fewer entries too. */
    MAX_PAGE_DROP: z.coerce.number().min(0).max(1).default(0.2),
    /**
     * The safety net for lost or refused webhooks: this often the builder compares the CMS's
     * listing with the live build's and builds when they differ (0: never).
     */
    CMS_CHECK_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(5 * 60_000),
    /** Hosted search: when both are set, each live build is sent to Algolia. */
    ALGOLIA_APP_ID: z.string().optional(),
    ALGOLIA_ADMIN_KEY: z.string().optional(),
    ALGOLIA_INDEX_PREFIX: z.string().default('newsroom_'),
    /** Another Algolia-compatible host (a proxy, or a test server), as `http(s)://host:port`. */
    ALGOLIA_HOST: z.url().optional(),
    /** Shared with the CMS, which signs the admin's preview links with it; without it, no preview. */
    PREVIEW_SECRET: z.string().min(16, 'PREVIEW_SECRET must be at least 16 characters').optional(),
    /**
     * The office's Ed25519 private key (PKCS#8 PEM) that signs every published record and the
     * log's head; outside BUILDS_DIR. Without it, builds are not signed (and /status says so).
     */
    SIGNING_KEY_FILE: z.string().optional(),
    /** The same key as PEM text, for platforms that hand secrets over in the environment; the file wins. */
    SIGNING_KEY: z.string().optional(),
    /** The admin's address, allowed to show previews in its frame. */
    CMS_PUBLIC_URL: z.url().optional(),
  })
  .refine((c) => Boolean(c.ALGOLIA_APP_ID) === Boolean(c.ALGOLIA_ADMIN_KEY), {
    message: 'ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY must be set together',
    path: ['ALGOLIA_ADMIN_KEY'],
  });

export type BuilderConfig = z.infer<typeof schema>;

export function loadBuilderConfig(source: NodeJS.ProcessEnv = process.env): BuilderConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid builder configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The site's build worker, which the builder keeps running (see site-worker.ts). */
export const siteWorkerScript = () => path.join(root, 'site', 'build-worker.mjs');

/** The repository's folder (the site's code is read from it). */
export const repositoryRoot = () => root;

/** Node's options for a site build: its heap limit (BUILD_HEAP_MB). */
export const siteBuildNodeOptions = (heapMb: number = DEFAULT_BUILD_HEAP_MB) => [`--max-old-space-size=${heapMb}`];

/** The default site build: Astro from the site workspace. */
export function defaultBuildCommand(heapMb?: number): string[] {
  return [
    process.execPath,
    ...siteBuildNodeOptions(heapMb),
    path.join(root, 'node_modules', 'astro', 'astro.js'),
    'build',
    '--root',
    path.join(root, 'site'),
  ];
}
