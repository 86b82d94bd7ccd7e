/**
 * Where the site keeps its copies of the CMS's uploads, in the build cache and in every
 * build (src/loaders/media-files.ts writes them; integrations/incremental.ts links them).
 */
export const MEDIA_FOLDER = 'media';

/** How a page refers to a copy: `/media/<first 16 hex of its SHA-256>/<name>`. */
export const MEDIA_REFERENCE = /\/media\/[0-9a-f]{16}\/[A-Za-z0-9._-]+/g;
