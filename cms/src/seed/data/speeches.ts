import { paragraphs, quote, p } from '../blocks';
import type { SeedItem } from '../documents';
import type { Clock } from '../when';

interface Refs {
  clock: Clock;
  people: Record<string, string>;
  tags: Record<string, string>;
}

export const speeches = ({ clock, people, tags }: Refs): SeedItem[] => [
  {
    key: 'budget-assembly',
    shared: { deliveredAt: clock.at(-1, 10), kind: 'transcript', checkAgainstDelivery: false },
    relations: { speaker: [people.pm], tags: [tags.budget] },
    translations: {
      sq: {
        title: 'Fjalimi i Kryeministrit në Kuvend për buxhetin 2027',
        place: 'Kuvendi, Prishtinë',
        summary: 'Kryeministri paraqiti projektbuxhetin para deputetëve.',
        body: [
          p('I nderuar Kryetar i Kuvendit, të nderuar deputetë,'),
          p('Buxheti që ju paraqesim sot është buxheti më i madh për arsimin dhe shëndetësinë në historinë tonë.'),
          quote('Çdo euro e shpenzuar duhet të jetë e dukshme për qytetarin.'),
        ],
      },
      'sr-Latn': {
        title: 'Govor premijera u Skupštini o budžetu za 2027.',
        place: 'Skupština, Priština',
        summary: 'Premijer je poslanicima predstavio nacrt budžeta.',
        body: [
          p('Poštovani predsedniče Skupštine, poštovani poslanici,'),
          p('Budžet koji vam danas predstavljamo je najveći budžet za obrazovanje i zdravstvo u našoj istoriji.'),
          quote('Svaki potrošeni evro mora biti vidljiv građaninu.'),
        ],
      },
      en: {
        title: 'Prime Minister’s address to the Assembly on the 2027 budget',
        place: 'Assembly, Prishtina',
        summary: 'The Prime Minister presented the draft budget to the members of the Assembly.',
        body: [
          p('Mr Speaker, honourable members,'),
          p('The budget we present today is the largest budget for education and health in our history.'),
          quote('Every euro spent must be visible to the citizen.'),
        ],
      },
    },
  },
  {
    key: 'energy-conference',
    shared: { deliveredAt: clock.at(-9, 9, 30), kind: 'draft-text', checkAgainstDelivery: true },
    relations: { speaker: [people.pm], tags: [tags.energy] },
    translations: {
      sq: {
        title: 'Fjala e Kryeministrit në konferencën për tranzicionin energjetik',
        place: 'Prishtinë',
        body: paragraphs(
          'Tranzicioni energjetik nuk është zgjedhje, por domosdoshmëri.',
          'Deri në vitin 2030, një e treta e energjisë sonë do të vijë nga burimet e ripërtëritshme.',
        ),
      },
      'sr-Latn': {
        title: 'Obraćanje premijera na konferenciji o energetskoj tranziciji',
        place: 'Priština',
        body: paragraphs(
          'Energetska tranzicija nije izbor, već nužnost.',
          'Do 2030. godine trećina naše energije dolaziće iz obnovljivih izvora.',
        ),
      },
      en: {
        title: 'Prime Minister’s remarks at the energy transition conference',
        place: 'Prishtina',
        body: paragraphs(
          'The energy transition is not a choice but a necessity.',
          'By 2030, a third of our energy will come from renewable sources.',
        ),
      },
    },
  },
  {
    key: 'eu-forum',
    shared: { deliveredAt: clock.at(-16, 11), kind: 'speaking-notes', checkAgainstDelivery: true },
    relations: { speaker: [people['dpm-first']], tags: [tags.eu] },
    translations: {
      sq: {
        title: 'Zëvendëskryeministrja Krasniqi në Forumin për Integrim Evropian',
        place: 'Tiranë',
        body: paragraphs('Reformat nuk i bëjmë për Brukselin, por për qytetarët tanë.'),
      },
      'sr-Latn': {
        title: 'Potpredsednica Vlade Krasnići na Forumu o evropskim integracijama',
        place: 'Tirana',
        body: paragraphs('Reforme ne sprovodimo zbog Brisela, već zbog naših građana.'),
      },
      en: {
        title: 'First Deputy Prime Minister Krasniqi at the European Integration Forum',
        place: 'Tirana',
        body: paragraphs('We do not carry out reforms for Brussels but for our citizens.'),
      },
    },
  },
  {
    key: 'digital-article',
    shared: { deliveredAt: clock.at(-30, 8), kind: 'authored-article', checkAgainstDelivery: false },
    relations: { speaker: [people.pm], tags: [tags.digital] },
    translations: {
      sq: {
        title: 'Shteti në telefonin tuaj: pse digjitalizimi është reformë demokratike',
        body: paragraphs(
          'Një shtet që i kursen kohë qytetarit është një shtet që i beson atij.',
          'Portali i shërbimeve elektronike është vetëm hapi i parë.',
        ),
      },
      en: {
        title: 'The state on your phone: why going digital is a democratic reform',
        body: paragraphs(
          'A state that saves its citizens time is a state that trusts them.',
          'The e-services portal is only the first step.',
        ),
      },
    },
  },
  {
    key: 'new-year-message',
    drafts: true,
    shared: { deliveredAt: clock.at(30, 20), kind: 'written-statement', checkAgainstDelivery: true },
    relations: { speaker: [people.pm] },
    translations: {
      sq: { title: 'Mesazhi i Kryeministrit për Vitin e Ri', body: paragraphs('Draft i mesazhit.') },
    },
  },
];

export const statements = ({ clock, people, tags }: Refs): SeedItem[] => [
  {
    key: 'floods-statement',
    shared: { kind: 'statement', date: clock.at(-46, 20) },
    relations: { person: [people.pm], tags: [tags.emergencies] },
    translations: {
      sq: {
        title: 'Deklarata e Kryeministrit për vërshimet',
        summary: 'Institucionet janë në gatishmëri të plotë.',
        body: paragraphs('Të gjitha institucionet janë në terren. Askush nuk do të lihet vetëm.'),
      },
      'sr-Latn': {
        title: 'Izjava premijera o poplavama',
        summary: 'Institucije su u punoj pripravnosti.',
        body: paragraphs('Sve institucije su na terenu. Niko neće biti ostavljen sam.'),
      },
      en: {
        title: 'Statement by the Prime Minister on the floods',
        summary: 'All institutions are on full alert.',
        body: paragraphs('Every institution is on the ground. No one will be left alone.'),
      },
    },
  },
  {
    key: 'rtk-interview',
    shared: { kind: 'interview', outlet: 'RTK', outletUrl: 'https://www.rtklive.com', date: clock.at(-4, 19) },
    relations: { person: [people.pm], tags: [tags.budget, tags.eu] },
    translations: {
      sq: {
        title: 'Intervistë e Kryeministrit për RTK: buxheti dhe integrimi',
        summary: 'Kryeministri foli për buxhetin e vitit 2027 dhe për reformat.',
        body: paragraphs(
          'Pyetje: Sa do të rriten pagat në arsim?',
          'Kryeministri: Pagat e mësimdhënësve rriten me 8 për qind nga janari.',
        ),
      },
      'sr-Latn': {
        title: 'Intervju premijera za RTK: budžet i integracije',
        summary: 'Premijer je govorio o budžetu za 2027. i reformama.',
        body: paragraphs(
          'Pitanje: Koliko će porasti plate u obrazovanju?',
          'Premijer: Plate nastavnika rastu za 8 odsto od januara.',
        ),
      },
      en: {
        title: 'Prime Minister’s interview with RTK: the budget and integration',
        summary: 'The Prime Minister spoke about the 2027 budget and reforms.',
        body: paragraphs(
          'Question: How much will salaries in education rise?',
          'Prime Minister: Teachers’ salaries rise by 8 per cent from January.',
        ),
      },
    },
  },
  {
    key: 'spokesperson-session',
    shared: { kind: 'statement', date: clock.at(-2, 16) },
    relations: { person: [people.spokesperson], tags: [tags.budget] },
    translations: {
      sq: {
        title: 'Deklarata e zëdhënëses pas mbledhjes së Qeverisë',
        body: paragraphs('Qeveria miratoi sot gjashtë vendime, përfshirë projektbuxhetin për vitin 2027.'),
      },
      'sr-Latn': {
        title: 'Izjava portparolke nakon sednice Vlade',
        body: paragraphs('Vlada je danas usvojila šest odluka, uključujući nacrt budžeta za 2027. godinu.'),
      },
      en: {
        title: 'Statement by the spokesperson after the government meeting',
        body: paragraphs('The Government today adopted six decisions, including the draft budget for 2027.'),
      },
    },
  },
  {
    key: 'radio-kim-interview',
    shared: { kind: 'interview', outlet: 'Radio KIM', date: clock.at(-18, 12) },
    relations: { person: [people['dpm-communities']], tags: [tags.communities] },
    translations: {
      sq: {
        title: 'Zëvendëskryeministri Petrović për Radio KIM: kthimi dhe bashkëjetesa',
        body: paragraphs('Zëvendëskryeministri foli për programet e kthimit dhe për punësimin në komunitete.'),
      },
      'sr-Latn': {
        title: 'Potpredsednik Vlade Petrović za Radio KIM: povratak i suživot',
        body: paragraphs('Potpredsednik Vlade govorio je o programima povratka i zapošljavanju u zajednicama.'),
      },
      en: {
        title: 'Deputy Prime Minister Petrović to Radio KIM: returns and coexistence',
        body: paragraphs('The Deputy Prime Minister spoke about returns programmes and jobs in communities.'),
      },
    },
  },
];
