import { describe, expect, it } from 'vitest';
import { LOCALES, DEFAULT_LOCALE, LOCALE_CODES, localeInfo, localeByPrefix, isLocale } from './locales';
import { CONTENT_TYPES, PUBLIC_READ_UIDS, SLUGGED_UIDS, contentTypeByUid } from './content-types';
import { isWebhookPayload } from './webhook';

describe('locales', () => {
  it('has Albanian as the default, then Serbian (Latin) and English', () => {
    expect(DEFAULT_LOCALE).toBe('sq');
    expect(LOCALE_CODES).toEqual(['sq', 'sr-Latn', 'en']);
    expect(LOCALES.map((l) => l.prefix)).toEqual(['sq', 'sr', 'en']);
  });

  it('finds a locale by code and by URL prefix, and refuses unknown ones', () => {
    expect(localeByPrefix('sr')?.code).toBe('sr-Latn');
    expect(localeInfo('sr-Latn').name).toBe('Srpski');
    expect(() => localeInfo('de' as never)).toThrow(/Unknown locale "de"/);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('sr')).toBe(false);
  });
});

describe('content type declarations', () => {
  const types = Object.values(CONTENT_TYPES);

  it('never declares a field both translated and shared', () => {
    for (const t of types) {
      const both = t.translated.filter((f) => (t.shared as readonly string[]).includes(f));
      expect(both, t.uid).toEqual([]);
    }
  });

  it('gives every type with pages a distinct URL section in each locale', () => {
    for (const code of LOCALE_CODES) {
      const sections = types.flatMap((t) => ('sections' in t ? [t.sections[code]] : []));
      expect(new Set(sections).size, code).toBe(sections.length);
      for (const s of sections) expect(s).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('translates the slug and its source wherever the source is words', () => {
    for (const t of types.filter((x) => 'slugFrom' in x)) {
      expect(t.translated, t.uid).toContain('slug');
    }
  });

  it('keeps the public forms out of public reading and slugs', () => {
    expect(PUBLIC_READ_UIDS).not.toContain(CONTENT_TYPES.documentRequest.uid);
    expect(PUBLIC_READ_UIDS).not.toContain(CONTENT_TYPES.mediaInquiry.uid);
    expect(SLUGGED_UIDS).toContain('api::release.release');
    expect(SLUGGED_UIDS).not.toContain(CONTENT_TYPES.mediaInquiry.uid);
    expect(contentTypeByUid('api::speech.speech')?.plural).toBe('speeches');
  });
});

describe('isWebhookPayload', () => {
  it('accepts Strapi entry and media events', () => {
    expect(
      isWebhookPayload({
        event: 'entry.publish',
        createdAt: '2026-11-29T10:00:00.000Z',
        model: 'release',
        uid: 'api::release.release',
        entry: { id: 1, documentId: 'abc' },
      }),
    ).toBe(true);
    expect(
      isWebhookPayload({
        event: 'entry.publish',
        createdAt: '2026-11-29T10:00:00.000Z',
        model: 'release',
        uid: 'api::release.release',
        entry: null,
      }),
    ).toBe(true);
    expect(isWebhookPayload({ event: 'media.delete', createdAt: '2026-11-29T10:00:00.000Z', media: { id: 3 } })).toBe(
      true,
    );
  });

  it('refuses anything else', () => {
    expect(isWebhookPayload(null)).toBe(false);
    expect(isWebhookPayload([])).toBe(false);
    expect(isWebhookPayload({ event: 'entry.publish', createdAt: 'x' })).toBe(false);
    expect(isWebhookPayload({ event: 'trigger-test', createdAt: 'x' })).toBe(false);
    expect(isWebhookPayload({ event: 'media.update', media: {} })).toBe(false);
  });
});
