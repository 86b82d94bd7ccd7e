/**
 * The admin's interface languages, each named in itself (stands in for Strapi's list; see
 * ../vite.config.ts). The names are shared-types' LOCALES names; a unit test holds them equal.
 */
export const languageNativeNames: Record<string, string> = {
  en: 'English',
  sq: 'Shqip',
  'sr-Latn': 'Srpski',
};

/** The interface languages besides English, which Strapi always has. */
export const ADMIN_LOCALES = ['sq', 'sr-Latn'] as const;
