import i18next, { type TFunction } from 'i18next';
import { LOCALE_CODES, type Locale } from '@newsroom/shared-types';
import sq from '../i18n/sq.json';
import srLatn from '../i18n/sr-Latn.json';
import en from '../i18n/en.json';

/** UI strings: one flat JSON per locale with dot keys; plurals as `key_one` / `key_other`. */
export const RESOURCES: Record<Locale, Record<string, string>> = { sq, 'sr-Latn': srLatn, en };

const instance = i18next.createInstance();
// With resources given inline, init completes synchronously; nothing is loaded.
void instance.init({
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

/**
 * A locale's translate function. A build asks for the same strings millions of times (every
 * page's header, footer and labels), and i18next resolves each call anew: answers are kept,
 * per key and per set of plain options.
 */
const translators = new Map<Locale, TFunction>();

export function t(locale: Locale): TFunction {
  let translate = translators.get(locale);
  if (!translate) {
    const fixed = instance.getFixedT(locale);
    const answers = new Map<string, string>();
    translate = ((key: string, options?: Record<string, unknown>) => {
      if (options && !Object.values(options).every((v) => v === null || typeof v !== 'object'))
        return fixed(key, options as never);
      const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
      let answer = answers.get(id);
      if (answer === undefined) {
        // Without returnObjects, i18next answers a string.
        answer = fixed(key, options as never) as unknown as string;
        answers.set(id, answer);
      }
      return answer;
    }) as TFunction;
    translators.set(locale, translate);
  }
  return translate;
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
