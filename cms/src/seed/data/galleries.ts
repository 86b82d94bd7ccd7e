import type { Locale } from '@newsroom/shared-types';
import type { SeedItem } from '../documents';
import type { Clock } from '../when';

type Words = Record<Locale, string>;

interface GalleryData {
  key: string;
  daysAgo: number;
  hue: number;
  people: string[];
  tag: string;
  title: Words;
  place: Words;
  description: Words;
  /** One caption per photo, in each language; the caption is also the alt text. */
  photos: Words[];
  video?: { url: string; caption: Words };
}

const CREDIT = 'ZKP / OPC';

export const GALLERIES: GalleryData[] = [
  {
    key: 'session',
    daysAgo: 2,
    hue: 210,
    people: ['pm', 'spokesperson'],
    tag: 'budget',
    title: { sq: 'Mbledhja e 118-të e Qeverisë', 'sr-Latn': '118. sednica Vlade', en: 'The 118th government meeting' },
    place: { sq: 'Prishtinë', 'sr-Latn': 'Priština', en: 'Prishtina' },
    description: {
      sq: 'Qeveria miratoi projektbuxhetin për vitin 2027.',
      'sr-Latn': 'Vlada je usvojila nacrt budžeta za 2027. godinu.',
      en: 'The Government approved the draft budget for 2027.',
    },
    photos: [
      {
        sq: 'Kryeministri hap mbledhjen e Qeverisë',
        'sr-Latn': 'Premijer otvara sednicu Vlade',
        en: 'The Prime Minister opens the government meeting',
      },
      {
        sq: 'Ministrat gjatë diskutimit të buxhetit',
        'sr-Latn': 'Ministri tokom rasprave o budžetu',
        en: 'Ministers discuss the budget',
      },
      { sq: 'Votimi i projektbuxhetit', 'sr-Latn': 'Glasanje o nacrtu budžeta', en: 'The vote on the draft budget' },
      {
        sq: 'Ministri i Financave paraqet shifrat',
        'sr-Latn': 'Ministar finansija predstavlja brojke',
        en: 'The Minister of Finance presents the figures',
      },
      {
        sq: 'Zëdhënësja informon mediat pas mbledhjes',
        'sr-Latn': 'Portparolka obaveštava medije nakon sednice',
        en: 'The spokesperson briefs the media after the meeting',
      },
      { sq: 'Salla e mbledhjeve të Qeverisë', 'sr-Latn': 'Sala za sednice Vlade', en: 'The government meeting room' },
    ],
  },
  {
    key: 'flood',
    daysAgo: 45,
    hue: 195,
    people: ['pm'],
    tag: 'emergencies',
    title: {
      sq: 'Kryeministri viziton zonat e prekura nga vërshimet',
      'sr-Latn': 'Premijer obilazi područja pogođena poplavama',
      en: 'The Prime Minister visits the flooded areas',
    },
    place: { sq: 'Skënderaj', 'sr-Latn': 'Srbica', en: 'Skenderaj' },
    description: {
      sq: 'Takim me familjet dhe me ekipet e emergjencës.',
      'sr-Latn': 'Sastanak sa porodicama i timovima za vanredne situacije.',
      en: 'Meeting families and emergency teams.',
    },
    photos: [
      {
        sq: 'Kryeministri me ekipet e shpëtimit',
        'sr-Latn': 'Premijer sa spasilačkim timovima',
        en: 'The Prime Minister with rescue teams',
      },
      { sq: 'Rruga e dëmtuar nga uji', 'sr-Latn': 'Put oštećen vodom', en: 'A road damaged by the water' },
      { sq: 'Shpërndarja e ndihmave', 'sr-Latn': 'Podela pomoći', en: 'Aid being handed out' },
      {
        sq: 'Takim me familjet e prekura',
        'sr-Latn': 'Sastanak sa pogođenim porodicama',
        en: 'Meeting the affected families',
      },
      {
        sq: 'Vlerësimi i dëmeve në terren',
        'sr-Latn': 'Procena štete na terenu',
        en: 'Assessing the damage on the ground',
      },
      {
        sq: 'Pastrimi i shtëpive pas vërshimeve',
        'sr-Latn': 'Čišćenje kuća nakon poplava',
        en: 'Cleaning homes after the floods',
      },
    ],
    video: {
      url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
      caption: {
        sq: 'Video: vizita në zonat e prekura',
        'sr-Latn': 'Video: obilazak pogođenih područja',
        en: 'Video: the visit to the affected areas',
      },
    },
  },
  {
    key: 'highway',
    daysAgo: 15,
    hue: 35,
    people: ['pm'],
    tag: 'budget',
    title: {
      sq: 'Përurimi i segmentit Prishtinë–Gjilan',
      'sr-Latn': 'Otvaranje deonice Priština–Gnjilane',
      en: 'Opening of the Prishtina–Gjilan section',
    },
    place: { sq: 'Gjilan', 'sr-Latn': 'Gnjilane', en: 'Gjilan' },
    description: {
      sq: 'Segmenti i ri 14 kilometërsh i autostradës.',
      'sr-Latn': 'Nova deonica autoputa od 14 kilometara.',
      en: 'The new 14-kilometre motorway section.',
    },
    photos: [
      { sq: 'Prerja e shiritit', 'sr-Latn': 'Presecanje vrpce', en: 'Cutting the ribbon' },
      {
        sq: 'Pamje nga ajri e autostradës',
        'sr-Latn': 'Pogled iz vazduha na autoput',
        en: 'An aerial view of the motorway',
      },
      {
        sq: 'Kryeministri me punëtorët e ndërtimit',
        'sr-Latn': 'Premijer sa građevinskim radnicima',
        en: 'The Prime Minister with construction workers',
      },
      { sq: 'Kalimi i ri për këmbësorë', 'sr-Latn': 'Novi pešački prelaz', en: 'The new pedestrian crossing' },
      {
        sq: 'Makinat e para në segmentin e ri',
        'sr-Latn': 'Prva vozila na novoj deonici',
        en: 'The first cars on the new section',
      },
      {
        sq: 'Ndriçimi i autostradës në mbrëmje',
        'sr-Latn': 'Osvetljenje autoputa uveče',
        en: 'The motorway lit at dusk',
      },
    ],
  },
];

export const photoKey = (gallery: string, index: number) => `${gallery}${index + 1}`;

export const galleries = (
  clock: Clock,
  photos: Record<string, number>,
  people: Record<string, string>,
  tags: Record<string, string>,
): SeedItem[] =>
  GALLERIES.map((g) => {
    const words = (locale: Locale) => ({
      title: g.title[locale],
      place: g.place[locale],
      description: g.description[locale],
      items: [
        ...g.photos.map((caption, i) => ({
          __component: 'media.photo',
          image: photos[photoKey(g.key, i)],
          alt: caption[locale],
          caption: caption[locale],
          credit: CREDIT,
        })),
        ...(g.video
          ? [{ __component: 'media.video', url: g.video.url, caption: g.video.caption[locale], credit: CREDIT }]
          : []),
      ],
    });
    return {
      key: g.key,
      shared: { date: clock.day(-g.daysAgo) },
      relations: { people: g.people.map((p) => people[p]), tags: [tags[g.tag]] },
      translations: { sq: words('sq'), 'sr-Latn': words('sr-Latn'), en: words('en') },
    };
  });
