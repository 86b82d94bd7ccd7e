import { localeInfo, type Locale } from './locales';

/**
 * The public's forms, declared once: where each is on the site (per locale), where it posts
 * (an intake path on the site's own origin, which nginx and the builder's server pass to the
 * CMS), and the thank-you page it ends on.
 */
export const FORMS = {
  documentRequest: {
    intakePath: '/intake/document-request',
    sections: { sq: 'kerkese-per-dokumente', 'sr-Latn': 'zahtev-za-dokumente', en: 'request-documents' },
  },
  mediaInquiry: {
    intakePath: '/intake/media-inquiry',
    sections: { sq: 'pyetje-nga-gazetaret', 'sr-Latn': 'pitanja-novinara', en: 'media-questions' },
  },
} as const satisfies Record<string, { intakePath: string; sections: Record<Locale, string> }>;

export type FormKind = keyof typeof FORMS;

/** The prefix every intake path shares: the only CMS paths the public site passes on. */
export const INTAKE_PREFIX = '/intake/';

const THANKS: Record<Locale, string> = { sq: 'faleminderit', 'sr-Latn': 'hvala', en: 'thank-you' };

export const formPath = (kind: FormKind, locale: Locale) => `/${localeInfo(locale).prefix}/${FORMS[kind].sections[locale]}/`;

export const thanksPath = (kind: FormKind, locale: Locale) => `${formPath(kind, locale)}${THANKS[locale]}/`;
