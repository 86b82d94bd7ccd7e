import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug, SLUG_MAX_LENGTH } from './slug';

describe('slugify', () => {
  it('transliterates Albanian letters', () => {
    expect(slugify('Qeveria miraton çmimin e ri të energjisë')).toBe('qeveria-miraton-cmimin-e-ri-te-energjise');
  });

  it('transliterates Serbian Latin letters, đ as dj', () => {
    expect(slugify('Đakovica, Čačak, Ćuprija, Šabac, Žabalj')).toBe('djakovica-cacak-cuprija-sabac-zabalj');
    expect(slugify('ĐURĐEVDAN DŽEMPER')).toBe('djurdjevdan-dzemper');
  });

  it('keeps only lowercase ASCII letters, digits and single hyphens', () => {
    expect(slugify('  Press release: 2026/11 — “Quotes” & ampersands!  ')).toBe(
      'press-release-2026-11-quotes-ampersands',
    );
    expect(slugify('Crème brûlée São Paulo')).toBe('creme-brulee-sao-paulo');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugify('!!! ---')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('numbers a slug that is taken', async () => {
    const taken = new Set(['budget', 'budget-2']);
    expect(await uniqueSlug('budget', (s) => Promise.resolve(taken.has(s)))).toBe('budget-3');
    expect(await uniqueSlug('visit', (s) => Promise.resolve(taken.has(s)))).toBe('visit');
  });

  it('falls back to "item" for an empty base', async () => {
    expect(await uniqueSlug('', () => Promise.resolve(false))).toBe('item');
  });

  it('stays within the maximum length with a suffix', async () => {
    const base = 'a'.repeat(SLUG_MAX_LENGTH);
    const slug = await uniqueSlug(base, (s) => Promise.resolve(s === base));
    expect(slug).toBe(`${'a'.repeat(SLUG_MAX_LENGTH - 2)}-2`);
  });
});
