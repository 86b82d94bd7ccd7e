import i18next from 'i18next';
import { DEFAULT_LOCALE, LOCALE_CODES, type Locale } from '@newsroom/shared-types';

export type Messages = Record<Locale, Record<string, string>>;

/**
 * The CMS's own texts in every language, one JSON file each (mail, form errors). A key
 * missing in a language is an error, never a fallback to another language; each catalog
 * has a unit test that every language has every key.
 */
export function catalog(messages: Messages) {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: Object.fromEntries(LOCALE_CODES.map((l) => [l, { translation: messages[l] }])),
    lng: DEFAULT_LOCALE,
    fallbackLng: false,
    keySeparator: false,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return (locale: Locale, key: string, values: Record<string, string | number> = {}): string => {
    if (!(key in messages[locale])) throw new Error(`The text "${key}" is missing in ${locale}`);
    return i18n.t(key, { lng: locale, ...values });
  };
}

/** The keys and the {{placeholders}} of each language, to compare with the others in a test. */
export function shapeOf(messages: Messages, locale: Locale): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(messages[locale])
      .sort()
      .map(([key, text]) => [key, [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()]),
  );
}

export const isLocale = (value: unknown): value is Locale => (LOCALE_CODES as readonly unknown[]).includes(value);
