/**
 * The token in a preview link: an HMAC of what it shows and until when, made by the CMS
 * for a signed-in editor and checked by the builder and the CMS with the shared
 * PREVIEW_SECRET. Web Crypto, so it needs no Node import.
 */
export interface PreviewTarget {
  type: string;
  documentId: string;
  locale: string;
  /** Unix time (seconds) after which the link stops working. */
  expires: number;
}

const encoder = new TextEncoder();
const message = (t: PreviewTarget) => encoder.encode(`${t.type}:${t.documentId}:${t.locale}:${t.expires}`);
const key = (secret: string, use: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [use]);

export async function signPreview(secret: string, target: PreviewTarget): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await key(secret, 'sign'), message(target));
  return Buffer.from(signature).toString('base64url');
}

/** True only for an unexpired token made with this secret for exactly this target. */
export async function verifyPreview(
  secret: string,
  target: PreviewTarget,
  token: string,
  now = Date.now(),
): Promise<boolean> {
  if (!Number.isFinite(target.expires) || target.expires * 1000 < now || !/^[A-Za-z0-9_-]{43}$/.test(token))
    return false;
  return crypto.subtle.verify('HMAC', await key(secret, 'verify'), Buffer.from(token, 'base64url'), message(target));
}
