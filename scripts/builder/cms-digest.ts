import { CONTENT_TYPES, listingDigest, type ListingData } from '@newsroom/shared-types';

const PUBLIC = Object.entries(CONTENT_TYPES).filter(([, t]) => t.publicRead);

/**
 * The digest of each public type's build listing now (shared-types' listingDigest), as the
 * site's loader records it for the listing a build was made from. Only the `types` asked
 * for are fetched.
 */
export async function cmsDigests(cmsUrl: string, types: string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const [type, { plural }] of PUBLIC.filter(([type]) => types.includes(type))) {
    const url = new URL(`/api/newsroom/listing/${plural}`, cmsUrl);
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    digests[type] = listingDigest(((await res.json()) as { data: ListingData }).data);
  }
  return digests;
}

export const PUBLIC_TYPES = PUBLIC.map(([type]) => type);
