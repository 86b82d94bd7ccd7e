import { z } from 'astro/zod';

/** The site's configuration, checked when the build starts; an error names the variable. */
const schema = z.object({
  CMS_URL: z.string().url().default('http://127.0.0.1:1337'),
  SITE_URL: z.string().url().default('http://127.0.0.1:4321'),
  SITE_TIME_ZONE: z.string().default('Europe/Belgrade'),
  /** Hosted search: with both set, the search page asks Algolia instead of Pagefind. */
  ALGOLIA_APP_ID: z.string().optional(),
  ALGOLIA_SEARCH_KEY: z.string().optional(),
  ALGOLIA_INDEX_PREFIX: z.string().default('newsroom_'),
  /** Another Algolia-compatible host (a proxy; the tests' server), as `http(s)://host:port`. */
  ALGOLIA_HOST: z.string().url().optional(),
});

export type SiteConfig = z.infer<typeof schema>;

export function loadSiteConfig(source: Record<string, string | undefined> = process.env): SiteConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid site configuration:\n${lines.join('\n')}`);
  }
  return {
    ...result.data,
    CMS_URL: result.data.CMS_URL.replace(/\/+$/, ''),
    SITE_URL: result.data.SITE_URL.replace(/\/+$/, ''),
  };
}

export const config = loadSiteConfig();
