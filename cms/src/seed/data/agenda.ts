import type { Locale } from '@newsroom/shared-types';
import type { SeedItem } from '../documents';
import type { Clock } from '../when';

type Words = Record<Locale, string>;

interface AgendaData {
  key: string;
  day: number;
  hour: number;
  minutes: number;
  kind: 'meeting' | 'press-conference' | 'visit' | 'government-session' | 'interview' | 'other';
  coverage: 'open' | 'pooled' | 'closed';
  who: string[];
  title: Words;
  place: Words;
  note?: Words;
}

const PRESS_NOTE: Words = {
  sq: 'Mediat e akredituara mbërrijnë 30 minuta para fillimit; hyrja nga porta kryesore.',
  'sr-Latn': 'Akreditovani mediji dolaze 30 minuta pre početka; ulaz kroz glavnu kapiju.',
  en: 'Accredited media arrive 30 minutes before the start; entry through the main gate.',
};
const GOV_BUILDING: Words = {
  sq: 'Ndërtesa e Qeverisë, Prishtinë',
  'sr-Latn': 'Zgrada Vlade, Priština',
  en: 'Government Building, Prishtina',
};

const AGENDA: AgendaData[] = [
  {
    key: 'session-119',
    day: 0,
    hour: 9,
    minutes: 120,
    kind: 'government-session',
    coverage: 'pooled',
    who: ['pm'],
    title: { sq: 'Mbledhja e 119-të e Qeverisë', 'sr-Latn': '119. sednica Vlade', en: '119th government meeting' },
    place: GOV_BUILDING,
    note: PRESS_NOTE,
  },
  {
    key: 'press-119',
    day: 0,
    hour: 12,
    minutes: 45,
    kind: 'press-conference',
    coverage: 'open',
    who: ['pm', 'spokesperson'],
    title: {
      sq: 'Konferencë për media pas mbledhjes së Qeverisë',
      'sr-Latn': 'Konferencija za medije nakon sednice Vlade',
      en: 'Press conference after the government meeting',
    },
    place: GOV_BUILDING,
    note: PRESS_NOTE,
  },
  {
    key: 'mayors',
    day: 1,
    hour: 10,
    minutes: 60,
    kind: 'meeting',
    coverage: 'closed',
    who: ['dpm-communities'],
    title: {
      sq: 'Takim me kryetarët e komunave',
      'sr-Latn': 'Sastanak sa predsednicima opština',
      en: 'Meeting with the mayors',
    },
    place: { sq: 'Mitrovicë', 'sr-Latn': 'Mitrovica', en: 'Mitrovica' },
  },
  {
    key: 'school-visit',
    day: 2,
    hour: 11,
    minutes: 90,
    kind: 'visit',
    coverage: 'open',
    who: ['pm'],
    title: {
      sq: 'Vizitë në shkollën e re fillore në Ferizaj',
      'sr-Latn': 'Poseta novoj osnovnoj školi u Uroševcu',
      en: 'Visit to the new primary school in Ferizaj',
    },
    place: { sq: 'Ferizaj', 'sr-Latn': 'Uroševac', en: 'Ferizaj' },
    note: PRESS_NOTE,
  },
  {
    key: 'eu-delegation',
    day: 3,
    hour: 14,
    minutes: 60,
    kind: 'meeting',
    coverage: 'pooled',
    who: ['pm', 'dpm-first'],
    title: {
      sq: 'Takim me delegacionin e Parlamentit Evropian',
      'sr-Latn': 'Sastanak sa delegacijom Evropskog parlamenta',
      en: 'Meeting with the European Parliament delegation',
    },
    place: GOV_BUILDING,
  },
  {
    key: 'tv-interview',
    day: 4,
    hour: 20,
    minutes: 60,
    kind: 'interview',
    coverage: 'closed',
    who: ['pm'],
    title: {
      sq: 'Intervistë në emisionin "Pressing"',
      'sr-Latn': 'Intervju u emisiji „Pressing"',
      en: 'Interview on the "Pressing" programme',
    },
    place: { sq: 'Prishtinë', 'sr-Latn': 'Priština', en: 'Prishtina' },
  },
  {
    key: 'weekly-briefing',
    day: 5,
    hour: 11,
    minutes: 45,
    kind: 'press-conference',
    coverage: 'open',
    who: ['spokesperson'],
    title: { sq: 'Informim javor për media', 'sr-Latn': 'Nedeljni brifing za medije', en: 'Weekly media briefing' },
    place: GOV_BUILDING,
    note: PRESS_NOTE,
  },
  {
    key: 'session-120',
    day: 7,
    hour: 9,
    minutes: 120,
    kind: 'government-session',
    coverage: 'pooled',
    who: ['pm'],
    title: { sq: 'Mbledhja e 120-të e Qeverisë', 'sr-Latn': '120. sednica Vlade', en: '120th government meeting' },
    place: GOV_BUILDING,
    note: PRESS_NOTE,
  },
];

export const agenda = (clock: Clock, people: Record<string, string>): SeedItem[] =>
  AGENDA.map((a) => {
    const words = (locale: Locale) => ({
      title: a.title[locale],
      place: a.place[locale],
      ...(a.note ? { accreditationNote: a.note[locale] } : {}),
    });
    return {
      key: a.key,
      shared: {
        startsAt: clock.at(a.day, a.hour),
        endsAt: new Date(Date.parse(clock.at(a.day, a.hour)) + a.minutes * 60_000).toISOString(),
        kind: a.kind,
        mediaCoverage: a.coverage,
      },
      relations: { people: a.who.map((w) => people[w]) },
      translations: { sq: words('sq'), 'sr-Latn': words('sr-Latn'), en: words('en') },
    };
  });
