import type { AccessState, ReplyState } from './requests';
import type { Locale } from './locales';

/** Shapes of entries as Strapi 5's public REST API returns them (flat, no `attributes`). */

export interface Media {
  id: number;
  documentId: string;
  name: string;
  alternativeText: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  url: string;
  mime: string;
  ext: string;
  /** Kilobytes, as Strapi stores it. */
  size: number;
  hash: string;
  /** Set by the site's loader: where the public site serves its copy of an upload (never the CMS). */
  publicUrl?: string;
  /** Set with it: the SHA-256 of the site's copy, hex. */
  sha256?: string;
  formats: Record<string, { url: string; width: number; height: number; mime: string; size: number }> | null;
}

/** Strapi "blocks" rich text: rendered by our own escaping renderer, never as raw HTML. */
export type InlineNode =
  | {
      type: 'text';
      text: string;
      bold?: boolean;
      italic?: boolean;
      underline?: boolean;
      strikethrough?: boolean;
      code?: boolean;
    }
  | { type: 'link'; url: string; children: InlineNode[] };

export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'code'; children: InlineNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: ListItemNode[] }
  | {
      type: 'image';
      image: Pick<Media, 'url' | 'publicUrl' | 'alternativeText' | 'width' | 'height' | 'caption'>;
      children: InlineNode[];
    };

export interface ListItemNode {
  type: 'list-item';
  children: InlineNode[];
}

export type Blocks = BlockNode[];

export interface ChangeNote {
  id: number;
  date: string;
  text: string;
}

export interface Withdrawal {
  id: number;
  reason: 'outdated' | 'superseded' | 'erroneous' | 'legal' | 'other';
  explanation: string;
  withdrawnAt: string;
}

/** Every entry the public API returns. */
export interface EntryBase {
  id: number;
  documentId: string;
  locale: Locale;
  createdAt: string;
  updatedAt: string;
  publishedAt: string;
  localizations?: Array<Pick<EntryBase, 'documentId' | 'locale'> & { slug?: string }>;
}

/** What the public reads carries: scheduling, corrections, withdrawal. */
export interface Editorial {
  publishAt: string | null;
  /** When this translation was first published; set by the CMS. */
  firstPublishedAt: string | null;
  changeNotes: ChangeNote[];
  withdrawal: Withdrawal | null;
}

export interface Tag extends EntryBase {
  name: string;
  slug: string;
}

export type PersonKind = 'prime-minister' | 'deputy-prime-minister' | 'minister' | 'spokesperson' | 'other';

export interface Person extends EntryBase {
  name: string;
  slug: string;
  role: string;
  kind: PersonKind;
  order: number | null;
  portrait: Media | null;
  bio: Blocks | null;
}

export interface Release extends EntryBase, Editorial {
  title: string;
  slug: string;
  dateline: string | null;
  summary: string;
  body: Blocks;
  issuedAt: string;
  leadImage: Media | null;
  leadImageAlt: string | null;
  gallery: Media[] | null;
  attachments: Media[] | null;
  people: Person[];
  tags: Tag[];
  embargoUntil: string | null;
}

export type SpeechKind =
  'transcript' | 'draft-text' | 'speaking-notes' | 'written-statement' | 'oral-statement' | 'authored-article';

export interface Speech extends EntryBase, Editorial {
  title: string;
  slug: string;
  place: string | null;
  summary: string | null;
  body: Blocks;
  speaker: Person | null;
  deliveredAt: string;
  kind: SpeechKind;
  checkAgainstDelivery: boolean;
  video: Media | null;
  audio: Media | null;
  videoUrl: string | null;
  tags: Tag[];
  embargoUntil: string | null;
}

export interface Statement extends EntryBase, Editorial {
  title: string;
  slug: string;
  kind: 'statement' | 'interview';
  outlet: string | null;
  outletUrl: string | null;
  person: Person | null;
  date: string;
  summary: string | null;
  body: Blocks;
  tags: Tag[];
}

export type DecisionStatus = 'in-force' | 'amended' | 'repealed';

export interface Decision extends EntryBase, Editorial {
  number: string;
  meetingNumber: number | null;
  adoptedOn: string;
  title: string;
  slug: string;
  summary: string | null;
  documents: Media[];
  /** Not `status`: Strapi reserves that name for draft/published. */
  legalStatus: DecisionStatus;
  relatedDecisions: Decision[];
  tags: Tag[];
}

export interface GalleryPhoto {
  __component: 'media.photo';
  id: number;
  image: Media;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export interface GalleryVideo {
  __component: 'media.video';
  id: number;
  file: Media | null;
  url: string | null;
  poster: Media | null;
  captionsTrack: Media | null;
  caption: string | null;
  credit: string | null;
}

export interface Gallery extends EntryBase, Editorial {
  title: string;
  slug: string;
  date: string;
  place: string | null;
  description: string | null;
  items: Array<GalleryPhoto | GalleryVideo>;
  people: Person[];
  tags: Tag[];
}

export type CampaignBlock =
  | { __component: 'blocks.text'; id: number; body: Blocks }
  | {
      __component: 'blocks.image';
      id: number;
      image: Media;
      alt: string;
      caption: string | null;
      credit: string | null;
    }
  | { __component: 'blocks.video'; id: number; file: Media | null; url: string | null; caption: string | null }
  | {
      __component: 'blocks.facts';
      id: number;
      heading: string | null;
      facts: Array<{ id: number; value: string; label: string }>;
    }
  | {
      __component: 'blocks.faq';
      id: number;
      heading: string | null;
      questions: Array<{ id: number; question: string; answer: string }>;
    }
  | {
      __component: 'blocks.call-to-action';
      id: number;
      heading: string;
      text: string | null;
      label: string;
      url: string;
    };

export interface Campaign extends EntryBase, Editorial {
  title: string;
  slug: string;
  tagline: string | null;
  kind: 'awareness' | 'consultation';
  hero: Media | null;
  heroAlt: string | null;
  startsOn: string;
  endsOn: string | null;
  body: CampaignBlock[];
  relatedReleases: Release[];
  tags: Tag[];
}

export type AgendaKind = 'meeting' | 'press-conference' | 'visit' | 'government-session' | 'interview' | 'other';
export type MediaCoverage = 'open' | 'pooled' | 'closed';

export interface AgendaItem extends EntryBase, Editorial {
  title: string;
  slug: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  description: string | null;
  kind: AgendaKind;
  mediaCoverage: MediaCoverage;
  accreditationNote: string | null;
  people: Person[];
}

export type PageKey = 'about' | 'mandate' | 'access-to-documents' | 'media-accreditation' | 'contact' | 'other';

export interface Page extends EntryBase {
  title: string;
  slug: string;
  key: PageKey;
  order: number | null;
  summary: string | null;
  body: Blocks;
  changeNotes: ChangeNote[];
}

interface PublicSubmission {
  id: number;
  documentId: string;
  reference: string;
  name: string;
  email: string;
  phone: string | null;
  language: Locale;
  status: AccessState | ReplyState;
  dueDate: string;
  answeredAt: string | null;
  createdAt: string;
}

export interface DocumentRequest extends PublicSubmission {
  address: string | null;
  description: string;
  preferredFormat: 'electronic' | 'paper' | 'inspection';
}

export interface MediaInquiry extends PublicSubmission {
  outlet: string;
  question: string;
  deadline: string | null;
}

export interface Government extends EntryBase {
  name: string;
  startsOn: string;
  endsOn: string | null;
}

/** An address that no longer shows an item: 410 Gone, or a redirect when consolidated. */
export interface RetiredPage {
  id: number;
  documentId: string;
  contentType: string;
  itemDocumentId: string;
  pageLocale: Locale;
  slug: string;
  reason: 'published-in-error' | 'consolidated';
  redirectTo: string | null;
  retiredAt: string;
}
