import type { SeedItem } from '../documents';
import type { Clock } from '../when';

interface Decision {
  key: string;
  number: string;
  meeting: number;
  daysAgo: number;
  legalStatus?: 'in-force' | 'amended' | 'repealed';
  tag: string;
  related?: string[];
  /** sq, sr-Latn, en titles; a missing one is a translation not yet made. */
  titles: [string, string | null, string];
}

const DECISIONS: Decision[] = [
  {
    key: 'budget-2027',
    number: '01/118',
    meeting: 118,
    daysAgo: 2,
    tag: 'budget',
    titles: [
      'Vendim për miratimin e projektligjit për buxhetin e vitit 2027',
      'Odluka o usvajanju nacrta zakona o budžetu za 2027. godinu',
      'Decision approving the draft law on the 2027 budget',
    ],
  },
  {
    key: 'energy-subsidy',
    number: '02/117',
    meeting: 117,
    daysAgo: 5,
    tag: 'energy',
    titles: [
      'Vendim për ndarjen e mjeteve për subvencionin e energjisë gjatë dimrit',
      'Odluka o izdvajanju sredstava za zimsku subvenciju za energiju',
      'Decision allocating funds for the winter energy subsidy',
    ],
  },
  {
    key: 'textbooks',
    number: '05/116',
    meeting: 116,
    daysAgo: 8,
    tag: 'education',
    titles: [
      'Vendim për tekstet shkollore falas për vitin shkollor 2026/27',
      'Odluka o besplatnim udžbenicima za školsku 2026/27. godinu',
      'Decision on free textbooks for the 2026/27 school year',
    ],
  },
  {
    key: 'e-services-group',
    number: '03/115',
    meeting: 115,
    daysAgo: 12,
    tag: 'digital',
    titles: [
      'Vendim për themelimin e grupit punues për portalin e shërbimeve elektronike',
      'Odluka o osnivanju radne grupe za portal elektronskih usluga',
      'Decision establishing the working group on the e-services portal',
    ],
  },
  {
    key: 'access-law',
    number: '01/113',
    meeting: 113,
    daysAgo: 20,
    tag: 'digital',
    titles: [
      'Vendim për miratimin e projektligjit për qasje në dokumente publike',
      'Odluka o usvajanju nacrta zakona o pristupu javnim dokumentima',
      'Decision approving the draft law on access to public documents',
    ],
  },
  {
    key: 'flood-aid',
    number: '01/110',
    meeting: 110,
    daysAgo: 45,
    tag: 'emergencies',
    titles: [
      'Vendim për ndihmën emergjente për familjet e prekura nga vërshimet',
      'Odluka o hitnoj pomoći porodicama pogođenim poplavama',
      'Decision on emergency assistance to families affected by the floods',
    ],
  },
  {
    key: 'youth-2025',
    number: '04/98',
    meeting: 98,
    daysAgo: 140,
    legalStatus: 'amended',
    tag: 'education',
    titles: [
      'Vendim për programin e punësimit të të rinjve',
      'Odluka o programu zapošljavanja mladih',
      'Decision on the youth employment programme',
    ],
  },
  {
    key: 'youth-2026',
    number: '02/108',
    meeting: 108,
    daysAgo: 52,
    tag: 'education',
    related: ['youth-2025'],
    titles: [
      'Vendim për ndryshimin e Vendimit 04/98 për programin e punësimit të të rinjve',
      null,
      'Decision amending Decision 04/98 on the youth employment programme',
    ],
  },
  {
    key: 'fuel-reserve-2024',
    number: '06/71',
    meeting: 71,
    daysAgo: 400,
    legalStatus: 'repealed',
    tag: 'energy',
    titles: [
      'Vendim për rezervat emergjente të karburanteve',
      'Odluka o hitnim rezervama goriva',
      'Decision on emergency fuel reserves',
    ],
  },
];

/** The PDF each decision is published with: its number and title in Albanian and English. */
export const decisionDocuments = DECISIONS.map((d) => ({
  key: `decision-${d.key}`,
  heading: `Vendimi / Decision ${d.number}`,
  lines: [d.titles[0], d.titles[2], `Mbledhja e Qeverisë / Government meeting no. ${d.meeting}`],
}));

export const decisions = (
  clock: Clock,
  files: Record<string, number>,
  tags: Record<string, string>,
  earlier: Record<string, string>,
): SeedItem[] =>
  DECISIONS.map((d) => {
    const [sq, sr, en] = d.titles;
    return {
      key: d.key,
      shared: {
        number: d.number,
        meetingNumber: d.meeting,
        adoptedOn: clock.day(-d.daysAgo),
        legalStatus: d.legalStatus ?? 'in-force',
        documents: [files[`decision-${d.key}`]],
      },
      relations: { tags: [tags[d.tag]], relatedDecisions: (d.related ?? []).map((k) => earlier[k]) },
      translations: { sq: { title: sq }, ...(sr ? { 'sr-Latn': { title: sr } } : {}), en: { title: en } },
    };
  });

/** Decisions are seeded in two passes so that a decision can link to one seeded before it. */
export const decisionKeysWithoutRelations = DECISIONS.filter((d) => !d.related).map((d) => d.key);
