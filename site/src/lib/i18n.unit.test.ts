import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '@newsroom/shared-types';
import { missingKeys, RESOURCES, t } from './i18n';
import { PAGE_TYPES } from './routes';

describe('UI strings', () => {
  it('exist in every locale for every key', () => {
    expect(Object.keys(RESOURCES).sort()).toEqual([...LOCALE_CODES].sort());
    expect(missingKeys()).toEqual(Object.fromEntries(LOCALE_CODES.map((l) => [l, []])));
  });

  it('are reported when one locale lacks a key', () => {
    expect(missingKeys({ sq: { a: 'A', b: 'B' }, en: { a: 'A' } })).toEqual({ sq: [], en: ['b'] });
  });

  it('name every section in every locale', () => {
    for (const locale of LOCALE_CODES) for (const type of PAGE_TYPES) expect(t(locale)(`section.${type}`)).not.toBe('');
  });

  it('use each language’s plural forms', () => {
    expect(t('en')('list.count', { count: 1 })).toBe('1 item');
    expect(t('en')('list.count', { count: 5 })).toBe('5 items');
    expect(t('sr-Latn')('list.count', { count: 3 })).toBe('3 stavke');
    expect(t('sr-Latn')('list.count', { count: 5 })).toBe('5 stavki');
    expect(t('sq')('list.count', { count: 2 })).toBe('2 artikuj');
  });

  it('fail loudly instead of showing a raw key, every time it is asked for', () => {
    expect(() => t('en')('no.such.key')).toThrow(/Missing UI string "no.such.key"/);
    expect(() => t('en')('no.such.key')).toThrow(/Missing UI string "no.such.key"/);
  });

  it('keep each locale and each set of options apart when answers are reused', () => {
    const answers = [
      t('en')('list.count', { count: 1 }),
      t('en')('list.count', { count: 5 }),
      t('sq')('list.count', { count: 1 }),
      t('en')('list.count', { count: 1 }),
    ];
    expect(answers).toEqual(['1 item', '5 items', t('sq')('list.count', { count: 1 }), '1 item']);
    expect(answers[2]).not.toBe('1 item');
  });
});
