import { localeInfo, type Locale } from './locales';

/**
 * The public's forms, declared once: where each is on the site (per locale), where it posts
 * (an intake path on the site's own origin, which nginx and the builder's server pass to the
 * CMS), and the thank-you page it ends on.
 */
export const FORMS = {
  documentRequest: {
    intakePath: '/intake/document-request',
    attachment: true,
    sections: { sq: 'kerkese-per-dokumente', 'sr-Latn': 'zahtev-za-dokumente', en: 'request-documents' },
  },
  mediaInquiry: {
    intakePath: '/intake/media-inquiry',
    attachment: true,
    sections: { sq: 'pyetje-nga-gazetaret', 'sr-Latn': 'pitanja-novinara', en: 'media-questions' },
  },
  /** The office's official address for the public (its mandate, point 4.5). */
  officeMessage: {
    intakePath: '/intake/office-message',
    attachment: false,
    sections: { sq: 'shkruani-zyres', 'sr-Latn': 'pisite-kancelariji', en: 'write-to-the-office' },
  },
  /** A journalist's application for accreditation, with the letter from their editor. */
  accreditation: {
    intakePath: '/intake/accreditation',
    attachment: 'required',
    sections: { sq: 'akreditimi-i-mediave', 'sr-Latn': 'akreditacija-medija', en: 'media-accreditation' },
  },
} as const satisfies Record<
  string,
  { intakePath: string; attachment: boolean | 'required'; sections: Record<Locale, string> }
>;

export type FormKind = keyof typeof FORMS;

/** The prefix every intake path shares: the only CMS paths the public site passes on. */
export const INTAKE_PREFIX = '/intake/';

/** What a sender may attach (one file, where the form's `attachment` says so): documents and scans, nothing a browser would run. The CMS checks both the type and the extension. */
export const ATTACHMENT_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'text/plain': ['.txt'],
};
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_TYPES).flat().join(',');
/** The largest attachment; with the form's fields it stays under INTAKE_MAX_BYTES. */
export const ATTACHMENT_MAX_BYTES = 1_500_000;

/** The largest body a form may send (its fields and one attachment); nginx, the builder's server and the CMS all hold to it. */
export const INTAKE_MAX_BYTES = 2_000_000;

const THANKS: Record<Locale, string> = { sq: 'faleminderit', 'sr-Latn': 'hvala', en: 'thank-you' };

export const formPath = (kind: FormKind, locale: Locale) =>
  `/${localeInfo(locale).prefix}/${FORMS[kind].sections[locale]}/`;

export const thanksPath = (kind: FormKind, locale: Locale) => `${formPath(kind, locale)}${THANKS[locale]}/`;

/** A reference the office gives a submission (`DR-2026-7KQ4XM`): letters and digits that cannot be misread. */
export const REFERENCE = /^(DR|MI|OM|AC)-[0-9]{4}-[2-9A-HJKMNP-Z]{6}$/;

/**
 * Where the thank-you page shows the reference from its `?ref=`: a server-side include that
 * nginx fills in (deploy/nginx.conf turns SSI on for these pages only) and the builder's own
 * server too. Only a well-formed reference is shown, entity-encoded; elsewhere the page
 * shows nothing there and says the reference is in the mail. (nginx reads `$` and braces in
 * an SSI expression as variables: the pattern is REFERENCE spelled without them, `\\z` for the end.)
 */
const SSI_CHAR = '[2-9A-HJKMNP-Z]';
export const REFERENCE_ECHO = `<!--# if expr="$arg_ref = /^(DR|MI|OM|AC)-[0-9][0-9][0-9][0-9]-${SSI_CHAR.repeat(6)}\\z/" --><!--# echo var="arg_ref" encoding="entity" default="" --><!--# endif -->`;

/** REFERENCE_ECHO as a web server fills it in for a request's `ref`. */
export const fillReference = (html: string, ref: string | null) =>
  html.split(REFERENCE_ECHO).join(ref && REFERENCE.test(ref) ? ref : '');
