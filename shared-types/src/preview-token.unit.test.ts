import { describe, expect, it } from 'vitest';
import { signPreview, verifyPreview } from './preview-token';

const secret = 'a-preview-secret-of-some-length';
const target = { type: 'release', documentId: 'abc123', locale: 'en', expires: Math.floor(Date.now() / 1000) + 600 };

describe('preview tokens', () => {
  it('accepts a token made for this item with this secret', async () => {
    expect(await verifyPreview(secret, target, await signPreview(secret, target))).toBe(true);
  });

  it('refuses another item, another locale, another secret, a forged or an expired token', async () => {
    const token = await signPreview(secret, target);
    expect(await verifyPreview(secret, { ...target, documentId: 'other' }, token)).toBe(false);
    expect(await verifyPreview(secret, { ...target, locale: 'sq' }, token)).toBe(false);
    expect(await verifyPreview('another-secret-entirely-here', target, token)).toBe(false);
    expect(await verifyPreview(secret, target, `${token.slice(0, -2)}AA`)).toBe(false);
    expect(await verifyPreview(secret, target, '')).toBe(false);
    expect(await verifyPreview(secret, target, token, (target.expires + 1) * 1000)).toBe(false);
  });
});
