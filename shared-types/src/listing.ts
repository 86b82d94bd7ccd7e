import { createHash } from 'node:crypto';

/** The CMS's build listing of a type: `[documentId, updatedAt]` of every published entry, per locale ('' without locales). */
export type ListingData = Record<string, Array<[string, string]>>;

/**
 * A digest of one type's listing: the site's loader records the one it built from, and
 * the builder compares it with the CMS's now to find a change no webhook announced.
 */
export function listingDigest(data: ListingData): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(data).sort()) hash.update(JSON.stringify([key, data[key]]));
  return hash.digest('hex');
}
