import type { Locale } from './locales';

/**
 * Each content type declares here, once: its Strapi uid and REST path, its URL section per
 * locale, whether it has a feed, and which of its fields are translated (localized in
 * Strapi) or shared by all translations. The CMS schema is tested against this; pages,
 * feeds, the sitemap and search read it.
 */
export interface ContentTypeDeclaration {
  uid: `api::${string}.${string}`;
  /** REST collection path: `/api/<plural>`. */
  plural: string;
  /** The public may read it (find/findOne of published entries). */
  publicRead: boolean;
  /** Submitted by the public through the site (no draft, no translations). */
  publicForm: boolean;
  localized: boolean;
  draftAndPublish: boolean;
  /** The field the slug is made from; absent for types without pages. */
  slugFrom?: string;
  /** First URL segment after the locale prefix, per locale. */
  sections?: Record<Locale, string>;
  /** Has its own RSS feed per locale. */
  feed: boolean;
  /** Its pages are search results: the office's items, not people, tags or office pages. */
  search?: boolean;
  /** Has `embargoUntil`: nothing of an entry reaches the public before that time. */
  embargo?: boolean;
  /** The field that dates an entry: lists sort by it, archives group by its month. */
  dateField?: string;
  /** Words: each translation has its own value (Strapi `localized: true`). */
  translated: readonly string[];
  /** Dates, numbers, media, flags: one value for all translations (Strapi `localized: false`). */
  shared: readonly string[];
  /**
   * Links to other entries. Strapi 5 keeps relations per locale whatever the schema says:
   * each translation links to the same-locale translation of the target.
   */
  relations: readonly string[];
}

/** Fields every type the public reads carries (DESIGN: scheduling, corrections, withdrawal). */
const EDITORIAL_SHARED = ['publishAt'] as const;
/** `firstPublishedAt` is set by the CMS when a translation is first published. */
const EDITORIAL_TRANSLATED = ['changeNotes', 'withdrawal', 'firstPublishedAt'] as const;

const readable = { publicRead: true, publicForm: false, localized: true, draftAndPublish: true } as const;
const form = { publicRead: false, publicForm: true, localized: false, draftAndPublish: false, feed: false } as const;

export const CONTENT_TYPES = {
  release: {
    ...readable,
    dateField: 'issuedAt',
    embargo: true,
    uid: 'api::release.release',
    plural: 'releases',
    slugFrom: 'title',
    sections: { sq: 'komunikata', 'sr-Latn': 'saopstenja', en: 'press-releases' },
    feed: true,
    search: true,
    translated: ['title', 'slug', 'dateline', 'summary', 'body', 'leadImageAlt', ...EDITORIAL_TRANSLATED],
    shared: [
      'issuedAt',
      'leadImage',
      'gallery',
      'attachments',
      'embargoUntil',
      'sendAheadToMedia',
      ...EDITORIAL_SHARED,
    ],
    relations: ['people', 'tags'],
  },
  speech: {
    ...readable,
    dateField: 'deliveredAt',
    embargo: true,
    uid: 'api::speech.speech',
    plural: 'speeches',
    slugFrom: 'title',
    sections: { sq: 'fjalime', 'sr-Latn': 'govori', en: 'speeches' },
    feed: true,
    search: true,
    translated: ['title', 'slug', 'place', 'summary', 'body', ...EDITORIAL_TRANSLATED],
    shared: [
      'deliveredAt',
      'kind',
      'checkAgainstDelivery',
      'video',
      'audio',
      'videoUrl',
      'embargoUntil',
      'sendAheadToMedia',
      ...EDITORIAL_SHARED,
    ],
    relations: ['speaker', 'tags'],
  },
  statement: {
    ...readable,
    dateField: 'date',
    uid: 'api::statement.statement',
    plural: 'statements',
    slugFrom: 'title',
    sections: { sq: 'deklarata-dhe-intervista', 'sr-Latn': 'izjave-i-intervjui', en: 'statements-and-interviews' },
    feed: true,
    search: true,
    translated: ['title', 'slug', 'summary', 'body', ...EDITORIAL_TRANSLATED],
    shared: ['kind', 'outlet', 'outletUrl', 'date', ...EDITORIAL_SHARED],
    relations: ['person', 'tags'],
  },
  decision: {
    ...readable,
    dateField: 'adoptedOn',
    uid: 'api::decision.decision',
    plural: 'decisions',
    slugFrom: 'title',
    sections: { sq: 'vendime', 'sr-Latn': 'odluke', en: 'decisions' },
    feed: true,
    search: true,
    translated: ['title', 'slug', 'summary', ...EDITORIAL_TRANSLATED],
    shared: ['number', 'meetingNumber', 'adoptedOn', 'documents', 'legalStatus', ...EDITORIAL_SHARED],
    relations: ['relatedDecisions', 'tags'],
  },
  gallery: {
    ...readable,
    dateField: 'date',
    uid: 'api::gallery.gallery',
    plural: 'galleries',
    slugFrom: 'title',
    sections: { sq: 'galeri', 'sr-Latn': 'galerije', en: 'galleries' },
    feed: true,
    search: true,
    translated: ['title', 'slug', 'place', 'description', 'items', ...EDITORIAL_TRANSLATED],
    shared: ['date', ...EDITORIAL_SHARED],
    relations: ['people', 'tags'],
  },
  campaign: {
    ...readable,
    dateField: 'startsOn',
    uid: 'api::campaign.campaign',
    plural: 'campaigns',
    slugFrom: 'title',
    sections: { sq: 'fushata', 'sr-Latn': 'kampanje', en: 'campaigns' },
    feed: true,
    search: true,
    translated: ['title', 'slug', 'tagline', 'heroAlt', 'body', ...EDITORIAL_TRANSLATED],
    shared: ['kind', 'hero', 'startsOn', 'endsOn', ...EDITORIAL_SHARED],
    relations: ['relatedReleases', 'tags'],
  },
  agendaItem: {
    ...readable,
    dateField: 'startsAt',
    uid: 'api::agenda-item.agenda-item',
    plural: 'agenda-items',
    slugFrom: 'title',
    sections: { sq: 'agjenda', 'sr-Latn': 'agenda', en: 'agenda' },
    feed: false,
    translated: ['title', 'slug', 'place', 'description', 'accreditationNote', ...EDITORIAL_TRANSLATED],
    shared: ['startsAt', 'endsAt', 'kind', 'mediaCoverage', ...EDITORIAL_SHARED],
    relations: ['people'],
  },
  person: {
    ...readable,
    uid: 'api::person.person',
    plural: 'people',
    slugFrom: 'name',
    sections: { sq: 'persona', 'sr-Latn': 'osobe', en: 'people' },
    feed: false,
    translated: ['slug', 'role', 'bio'],
    shared: ['name', 'kind', 'order', 'portrait', 'servedFrom', 'servedUntil'],
    relations: [],
  },
  tag: {
    ...readable,
    uid: 'api::tag.tag',
    plural: 'tags',
    slugFrom: 'name',
    sections: { sq: 'etiketa', 'sr-Latn': 'oznake', en: 'tags' },
    feed: false,
    translated: ['name', 'slug'],
    shared: [],
    relations: [],
  },
  page: {
    ...readable,
    uid: 'api::page.page',
    plural: 'pages',
    slugFrom: 'title',
    sections: { sq: 'zyra', 'sr-Latn': 'kancelarija', en: 'office' },
    feed: false,
    translated: ['title', 'slug', 'summary', 'body', 'changeNotes'],
    shared: ['key', 'order'],
    relations: [],
  },
  /** Governments in office, so items of a previous one say so (history mode). No pages. */
  government: {
    ...readable,
    uid: 'api::government.government',
    plural: 'governments',
    feed: false,
    translated: ['name'],
    shared: ['startsOn', 'endsOn'],
    relations: [],
  },
  /**
   * The public addresses of unpublished or deleted items, written by the CMS: each answers
   * 410 Gone, or redirects when the item was consolidated into another. No pages.
   */
  retiredPage: {
    uid: 'api::retired-page.retired-page',
    plural: 'retired-pages',
    publicRead: true,
    publicForm: false,
    localized: false,
    draftAndPublish: false,
    feed: false,
    translated: [],
    shared: ['contentType', 'itemDocumentId', 'pageLocale', 'slug', 'reason', 'redirectTo', 'retiredAt'],
    relations: [],
  },
  documentRequest: {
    ...form,
    uid: 'api::document-request.document-request',
    plural: 'document-requests',
    translated: [],
    shared: [
      'reference',
      'name',
      'email',
      'phone',
      'address',
      'description',
      'preferredFormat',
      'language',
      'status',
      'dueDate',
      'answeredAt',
      'dueAt',
      'assignee',
      'answer',
      'answeredInTime',
      'erasedAt',
      'urgent',
      'clarifiedAt',
      'extensionDays',
      'reason',
      'legalGround',
      'referredTo',
      'outcome',
      'publishInLog',
      'disclosureSummary',
      'releasedFiles',
    ],
    relations: [],
  },
  mediaInquiry: {
    ...form,
    uid: 'api::media-inquiry.media-inquiry',
    plural: 'media-inquiries',
    translated: [],
    shared: [
      'reference',
      'name',
      'outlet',
      'email',
      'phone',
      'question',
      'deadline',
      'language',
      'status',
      'dueDate',
      'answeredAt',
      'dueAt',
      'assignee',
      'answer',
      'answeredInTime',
      'erasedAt',
    ],
    relations: [],
  },
  officeMessage: {
    ...form,
    uid: 'api::office-message.office-message',
    plural: 'office-messages',
    translated: [],
    shared: [
      'reference',
      'name',
      'email',
      'phone',
      'subject',
      'message',
      'language',
      'status',
      'dueDate',
      'answeredAt',
      'dueAt',
      'assignee',
      'answer',
      'answeredInTime',
      'erasedAt',
    ],
    relations: [],
  },
  accreditation: {
    ...form,
    uid: 'api::accreditation.accreditation',
    plural: 'accreditations',
    translated: [],
    shared: [
      'reference',
      'name',
      'outlet',
      'role',
      'email',
      'phone',
      'accreditationType',
      'event',
      'languages',
      'consent',
      'language',
      'status',
      'dueDate',
      'answeredAt',
      'dueAt',
      'assignee',
      'answer',
      'answeredInTime',
      'erasedAt',
      'reason',
      'grantedType',
      'validUntil',
      'remindedAt',
    ],
    relations: [],
  },
} as const satisfies Record<string, ContentTypeDeclaration>;

/** Pages that are not content types, with their translated URL segment. */
export const SPECIAL_PAGES = {
  feeds: { sq: 'abonohu', 'sr-Latn': 'pretplata', en: 'subscribe' },
  search: { sq: 'kerko', 'sr-Latn': 'pretraga', en: 'search' },
  /** Answered requests for documents the office published, with what it released, and the monthly statistics. */
  disclosureLog: { sq: 'regjistri-i-qasjes', 'sr-Latn': 'registar-pristupa', en: 'disclosure-log' },
  /** Checks that a page, a text or a file was published by the office (signed records and the public log). */
  verify: { sq: 'verifiko', 'sr-Latn': 'proveri', en: 'verify' },
  /** The outlets accredited with the office (never the people), when the office publishes the list. */
  accreditedMedia: { sq: 'media-te-akredituara', 'sr-Latn': 'akreditovani-mediji', en: 'accredited-media' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ContentTypeKey = keyof typeof CONTENT_TYPES;
export type ContentTypeUid = (typeof CONTENT_TYPES)[ContentTypeKey]['uid'];

export const CONTENT_TYPE_KEYS = Object.keys(CONTENT_TYPES) as ContentTypeKey[];

export function contentTypeByUid(uid: string): ContentTypeDeclaration | undefined {
  return Object.values(CONTENT_TYPES).find((t) => t.uid === uid);
}

/** The types the public role may read, and only read. */
export const PUBLIC_READ_UIDS: readonly ContentTypeUid[] = Object.values(CONTENT_TYPES)
  .filter((t) => t.publicRead)
  .map((t) => t.uid);

/** Types whose entries can be scheduled (`publishAt`) and corrected in public. */
export const EDITORIAL_UIDS: readonly ContentTypeUid[] = Object.values(CONTENT_TYPES)
  .filter((t) => (t.shared as readonly string[]).includes('publishAt'))
  .map((t) => t.uid);

/** Types under embargo rules (`embargoUntil`). */
export const EMBARGO_UIDS: readonly ContentTypeUid[] = Object.values(CONTENT_TYPES)
  .filter((t) => 'embargo' in t && t.embargo)
  .map((t) => t.uid);

/** Types whose entries get a slug from a field on create. */
export const SLUGGED_UIDS: readonly ContentTypeUid[] = Object.values(CONTENT_TYPES)
  .filter((t): t is Extract<typeof t, { slugFrom: string }> => 'slugFrom' in t)
  .map((t) => t.uid);
