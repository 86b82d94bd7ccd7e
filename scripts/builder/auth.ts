import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time check of `Authorization: Bearer <secret>`. Both sides are hashed first so
 * the comparison takes the same time whatever the length of what was sent.
 */
export function bearerMatches(header: string | undefined, secret: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  const sent = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(secret).digest();
  return timingSafeEqual(sent, expected) && Boolean(match);
}
