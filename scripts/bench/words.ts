import type { Locale } from '@newsroom/shared-types';

/** Deterministic text for the benchmark corpus: the same N gives the same corpus. */
const WORDS: Record<Locale, string[]> = {
  sq: 'qeveria miraton buxhetin ministri takim projekt ligji reforma energjia shkolla spitali rruga investim komuna qytetarët zhvillimi ekonomia bujqësia mjedisi turizmi siguria drejtësia arsimi shëndetësia punësimi rinia kultura sporti digjitalizimi'.split(
    ' ',
  ),
  'sr-Latn':
    'vlada usvaja budžet ministar sastanak projekat zakon reforma energija škola bolnica put investicija opština građani razvoj ekonomija poljoprivreda životna sredina turizam bezbednost pravda obrazovanje zdravstvo zapošljavanje mladi kultura sport digitalizacija'.split(
      ' ',
    ),
  en: 'government approves budget minister meeting project law reform energy school hospital road investment municipality citizens development economy agriculture environment tourism security justice education health employment youth culture sport digitalisation'.split(
    ' ',
  ),
};

/** A small seeded generator (mulberry32): no randomness between runs. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sentence(locale: Locale, random: () => number, words: number): string {
  const list = WORDS[locale];
  const out = Array.from({ length: words }, () => list[Math.floor(random() * list.length)]);
  const text = out.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export const paragraphs = (locale: Locale, random: () => number, count: number) =>
  Array.from({ length: count }, () => ({
    type: 'paragraph',
    children: [{ type: 'text', text: Array.from({ length: 4 }, () => sentence(locale, random, 12)).join(' ') }],
  }));
