import i18next, { type TFunction } from 'i18next';
import { LOCALE_CODES, type Locale } from '@newsroom/shared-types';
import sq from '../i18n/sq.json';
import srLatn from '../i18n/sr-Latn.json';
import en from '../i18n/en.json';

/** UI strings: one flat JSON per locale with dot keys; plurals as `key_one` / `key_other`. */
export const RESOURCES: Record<Locale, Record<string, string>> = { sq, 'sr-Latn': srLatn, en };

const instance = i18next.createInstance();
instance.init({
  resources: Object.fromEntries(LOCALE_CODES.map((l) => [l, { translation: RESOURCES[l] }])),
  lng: 'sq',
  fallbackLng: false,
  keySeparator: false,
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
  // A page must never show a raw key: a missing string fails the build.
  parseMissingKeyHandler: (key) => {
    throw new Error(`Missing UI string "${key}"`);
  },
});

export function t(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

/** Keys missing from a locale, compared with every other locale (plural forms may differ). */
export function missingKeys(resources: Record<string, Record<string, string>> = RESOURCES): Record<string, string[]> {
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  const all = new Set(Object.values(resources).flatMap((r) => Object.keys(r).map(base)));
  return Object.fromEntries(
    Object.entries(resources).map(([locale, r]) => {
      const have = new Set(Object.keys(r).map(base));
      return [locale, [...all].filter((k) => !have.has(k)).sort()];
    }),
  );
}
