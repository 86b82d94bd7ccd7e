import { paragraphs } from '../blocks';
import type { SeedItem } from '../documents';
import type { Clock } from '../when';

interface Refs {
  clock: Clock;
  photos: Record<string, number>;
  tags: Record<string, string>;
  releases: Record<string, string>;
}

export const campaigns = ({ clock, photos, tags, releases }: Refs): SeedItem[] => [
  {
    key: 'warm-winter',
    shared: { kind: 'awareness', hero: photos.energy, startsOn: clock.day(-10), endsOn: clock.day(110) },
    relations: { tags: [tags.energy], relatedReleases: [releases['winter-energy-subsidy']] },
    translations: {
      sq: {
        title: 'Dimër i ngrohtë, faturë më e ulët',
        tagline: 'Kurse energji, kurse para',
        heroAlt: 'Shtëpi e ndriçuar në një mbrëmje dimri',
        body: [
          {
            __component: 'blocks.text',
            body: paragraphs(
              'Me disa hapa të thjeshtë, çdo familje mund të kursejë deri në 20 për qind të energjisë këtë dimër.',
            ),
          },
          {
            __component: 'blocks.facts',
            heading: 'Në shifra',
            facts: [
              { value: '120 000', label: 'familje marrin subvencion' },
              { value: '20%', label: 'kursim i mundshëm i energjisë' },
            ],
          },
          {
            __component: 'blocks.faq',
            heading: 'Pyetje të shpeshta',
            questions: [
              {
                question: 'Kush ka të drejtë për subvencion?',
                answer: 'Familjet që marrin ndihmë sociale ose pension bazë.',
              },
            ],
          },
          {
            __component: 'blocks.call-to-action',
            heading: 'Apliko për subvencion',
            label: 'Apliko tani',
            url: 'https://ekosova.rks-gov.net',
          },
        ],
      },
      'sr-Latn': {
        title: 'Topla zima, manji račun',
        tagline: 'Uštedi energiju, uštedi novac',
        heroAlt: 'Osvetljena kuća u zimskoj večeri',
        body: [
          {
            __component: 'blocks.text',
            body: paragraphs(
              'Uz nekoliko jednostavnih koraka, svaka porodica može da uštedi do 20 odsto energije ove zime.',
            ),
          },
          {
            __component: 'blocks.facts',
            heading: 'U brojkama',
            facts: [
              { value: '120.000', label: 'porodica dobija subvenciju' },
              { value: '20%', label: 'moguća ušteda energije' },
            ],
          },
          {
            __component: 'blocks.faq',
            heading: 'Česta pitanja',
            questions: [
              {
                question: 'Ko ima pravo na subvenciju?',
                answer: 'Porodice koje primaju socijalnu pomoć ili osnovnu penziju.',
              },
            ],
          },
          {
            __component: 'blocks.call-to-action',
            heading: 'Prijavite se za subvenciju',
            label: 'Prijavite se',
            url: 'https://ekosova.rks-gov.net',
          },
        ],
      },
      en: {
        title: 'A warm winter, a lower bill',
        tagline: 'Save energy, save money',
        heroAlt: 'A lit house on a winter evening',
        body: [
          {
            __component: 'blocks.text',
            body: paragraphs(
              'With a few simple steps, every family can save up to 20 per cent of its energy this winter.',
            ),
          },
          {
            __component: 'blocks.facts',
            heading: 'In figures',
            facts: [
              { value: '120,000', label: 'families receive the subsidy' },
              { value: '20%', label: 'possible energy saving' },
            ],
          },
          {
            __component: 'blocks.faq',
            heading: 'Frequently asked questions',
            questions: [
              {
                question: 'Who is eligible for the subsidy?',
                answer: 'Families receiving social assistance or the basic pension.',
              },
            ],
          },
          {
            __component: 'blocks.call-to-action',
            heading: 'Apply for the subsidy',
            label: 'Apply now',
            url: 'https://ekosova.rks-gov.net',
          },
        ],
      },
    },
  },
  {
    key: 'access-law-consultation',
    shared: { kind: 'consultation', startsOn: clock.day(-20), endsOn: clock.day(10) },
    relations: { tags: [tags.digital], relatedReleases: [releases['access-to-documents-law']] },
    translations: {
      sq: {
        title: 'Konsultim publik: projektligji për qasje në dokumente publike',
        tagline: 'Thuaj mendimin tënd deri në fund të muajit',
        body: [
          {
            __component: 'blocks.text',
            body: paragraphs(
              'Projektligji shkurton afatin e përgjigjes dhe krijon regjistrin publik të kërkesave. Komentet tuaja do të publikohen në raportin e konsultimit.',
            ),
          },
          {
            __component: 'blocks.call-to-action',
            heading: 'Dërgo komentet',
            text: 'Platforma e konsultimeve publike',
            label: 'Komento',
            url: 'https://konsultimet.rks-gov.net',
          },
        ],
      },
      'sr-Latn': {
        title: 'Javne konsultacije: nacrt zakona o pristupu javnim dokumentima',
        tagline: 'Recite svoje mišljenje do kraja meseca',
        body: [
          {
            __component: 'blocks.text',
            body: paragraphs(
              'Nacrt zakona skraćuje rok za odgovor i uvodi javni registar zahteva. Vaši komentari biće objavljeni u izveštaju o konsultacijama.',
            ),
          },
          {
            __component: 'blocks.call-to-action',
            heading: 'Pošaljite komentare',
            text: 'Platforma za javne konsultacije',
            label: 'Komentarišite',
            url: 'https://konsultimet.rks-gov.net',
          },
        ],
      },
      en: {
        title: 'Public consultation: draft law on access to public documents',
        tagline: 'Have your say by the end of the month',
        body: [
          {
            __component: 'blocks.text',
            body: paragraphs(
              'The draft law shortens the time to answer and creates a public register of requests. Your comments will be published in the consultation report.',
            ),
          },
          {
            __component: 'blocks.call-to-action',
            heading: 'Send your comments',
            text: 'The public consultation platform',
            label: 'Comment',
            url: 'https://konsultimet.rks-gov.net',
          },
        ],
      },
    },
  },
];
