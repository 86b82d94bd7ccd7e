/**
 * The one list of official languages. The CMS bootstrap, the site, the feeds and the
 * sitemap all read it; adding a language is one line here.
 */
export interface LocaleInfo {
  /** BCP 47 tag: the Strapi locale code, `hreflang` and `<html lang>`. */
  code: string;
  /** The language's own name, as the switcher shows it. */
  name: string;
  /** First URL segment: `/sq/…`. */
  prefix: string;
  /** `<language>` of the RSS channel (RFC 5646). */
  feedLanguage: string;
  /** Locale for dates and numbers: English as written in Europe (20 November 2026, 14:00). */
  formatLocale: string;
}

export const LOCALES = [
  { code: 'sq', name: 'Shqip', prefix: 'sq', feedLanguage: 'sq', formatLocale: 'sq' },
  { code: 'sr-Latn', name: 'Srpski', prefix: 'sr', feedLanguage: 'sr-Latn', formatLocale: 'sr-Latn' },
  { code: 'en', name: 'English', prefix: 'en', feedLanguage: 'en', formatLocale: 'en-GB' },
] as const satisfies readonly LocaleInfo[];

export type Locale = (typeof LOCALES)[number]['code'];
export type LocalePrefix = (typeof LOCALES)[number]['prefix'];

export const DEFAULT_LOCALE: Locale = 'sq';
export const LOCALE_CODES: readonly Locale[] = LOCALES.map((l) => l.code);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value);
}

export function localeInfo(code: Locale): LocaleInfo {
  const found = LOCALES.find((l) => l.code === code);
  if (!found) throw new Error(`Unknown locale "${code}"; known: ${LOCALE_CODES.join(', ')}`);
  return found;
}

export function localeByPrefix(prefix: string): LocaleInfo | undefined {
  return LOCALES.find((l) => l.prefix === prefix);
}

/**
 * The reader's first language, in the order their browser lists them, that the site has:
 * `sr`, `sr-Latn` and `sr-RS` all mean the Serbian site. nginx's map in deploy/nginx.conf is
 * this same pattern (a test holds them together); null when the reader has none of ours.
 */
export const ACCEPTED_LANGUAGE = /^(?:[^,]*,)*?\s*(?<first>sq|sr|en)(?:-[^,;]*)?\s*(?:;[^,]*)?(?:,|$)/i;

export function homeForLanguages(acceptLanguage: string | undefined): string | null {
  const prefix = ACCEPTED_LANGUAGE.exec(acceptLanguage ?? '')?.groups?.first.toLowerCase();
  return prefix && LOCALES.some((l) => l.prefix === prefix) ? `/${prefix}/` : null;
}
