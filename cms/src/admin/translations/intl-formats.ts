import { shouldPolyfill as lacksDateTimeFormat } from '@formatjs/intl-datetimeformat/should-polyfill.js';
import { shouldPolyfill as lacksNumberFormat } from '@formatjs/intl-numberformat/should-polyfill.js';
import { shouldPolyfill as lacksRelativeTimeFormat } from '@formatjs/intl-relativetimeformat/should-polyfill.js';

type Load = () => Promise<unknown>;

/** One Intl service the admin formats with, and how to load its stand-in with the data of each admin language. */
interface Format {
  lacks: (locale: string) => string | undefined;
  polyfill: Load;
  data: Record<'en' | 'sq' | 'sr-Latn', Load>;
}

/** Numbers first: the stand-ins for dates and relative times format their numbers with it. */
const FORMATS: Format[] = [
  {
    lacks: lacksNumberFormat,
    polyfill: () => import('@formatjs/intl-numberformat/polyfill-force.js'),
    data: {
      en: () => import('@formatjs/intl-numberformat/locale-data/en.js'),
      sq: () => import('@formatjs/intl-numberformat/locale-data/sq.js'),
      'sr-Latn': () => import('@formatjs/intl-numberformat/locale-data/sr-Latn.js'),
    },
  },
  {
    lacks: lacksDateTimeFormat,
    // Every zone, not only the common ones: the admin writes times in the editor's own zone too.
    polyfill: async () => {
      await import('@formatjs/intl-datetimeformat/polyfill-force.js');
      await import('@formatjs/intl-datetimeformat/add-all-tz.js');
    },
    data: {
      en: () => import('@formatjs/intl-datetimeformat/locale-data/en.js'),
      sq: () => import('@formatjs/intl-datetimeformat/locale-data/sq.js'),
      'sr-Latn': () => import('@formatjs/intl-datetimeformat/locale-data/sr-Latn.js'),
    },
  },
  {
    lacks: lacksRelativeTimeFormat,
    polyfill: () => import('@formatjs/intl-relativetimeformat/polyfill-force.js'),
    data: {
      en: () => import('@formatjs/intl-relativetimeformat/locale-data/en.js'),
      sq: () => import('@formatjs/intl-relativetimeformat/locale-data/sq.js'),
      'sr-Latn': () => import('@formatjs/intl-relativetimeformat/locale-data/sr-Latn.js'),
    },
  },
];

/**
 * Makes the browser format dates, numbers and relative times in every admin language.
 * Chromium ships no Albanian formats, so Strapi's screens (the lists' dates, "edited 3 hours
 * ago", counts) would read in English on an Albanian admin. Where the browser lacks a language
 * for one of these services, FormatJS's stand-in, built from the same CLDR data, replaces that
 * service for all three languages; a browser that has them all loads nothing.
 */
export async function completeIntlFormats(): Promise<void> {
  for (const format of FORMATS) {
    const languages = Object.keys(format.data) as Array<keyof Format['data']>;
    if (!languages.some((language) => format.lacks(language) !== undefined)) continue;
    await format.polyfill();
    await Promise.all(languages.map((language) => format.data[language]()));
  }
}
