import { paragraphs } from '../blocks';
import type { SeedItem } from '../documents';

export const people = (portraits: Record<string, number>): SeedItem[] => [
  {
    key: 'pm',
    shared: { name: 'Driton Gashi', kind: 'prime-minister', order: 1, portrait: portraits.pm },
    translations: {
      sq: {
        role: 'Kryeministër',
        bio: paragraphs(
          'Driton Gashi është Kryeministër që nga viti 2025. Më parë ka qenë ministër i Financave dhe profesor i ekonomisë në Universitetin e Prishtinës.',
        ),
      },
      'sr-Latn': {
        role: 'Premijer',
        bio: paragraphs(
          'Driton Gaši je premijer od 2025. godine. Ranije je bio ministar finansija i profesor ekonomije na Univerzitetu u Prištini.',
        ),
      },
      en: {
        role: 'Prime Minister',
        bio: paragraphs(
          'Driton Gashi has been Prime Minister since 2025. He previously served as Minister of Finance and taught economics at the University of Prishtina.',
        ),
      },
    },
  },
  {
    key: 'dpm-first',
    shared: { name: 'Mimoza Krasniqi', kind: 'deputy-prime-minister', order: 2, portrait: portraits.dpmFirst },
    translations: {
      sq: {
        role: 'Zëvendëskryeministre e Parë dhe Ministre e Integrimit Evropian',
        bio: paragraphs(
          'Mimoza Krasniqi drejton procesin e integrimit evropian dhe koordinon reformat e sundimit të ligjit.',
        ),
      },
      'sr-Latn': {
        role: 'Prva potpredsednica Vlade i ministarka evropskih integracija',
        bio: paragraphs('Mimoza Krasnići vodi proces evropskih integracija i koordinira reforme vladavine prava.'),
      },
      en: {
        role: 'First Deputy Prime Minister and Minister of European Integration',
        bio: paragraphs('Mimoza Krasniqi leads the European integration process and coordinates rule-of-law reforms.'),
      },
    },
  },
  {
    key: 'dpm-communities',
    shared: { name: 'Nenad Petrović', kind: 'deputy-prime-minister', order: 3, portrait: portraits.dpmCommunities },
    translations: {
      sq: {
        role: 'Zëvendëskryeministër për Çështje të Komuniteteve',
        bio: paragraphs('Nenad Petrović është përgjegjës për të drejtat e komuniteteve, kthimin dhe bashkëjetesën.'),
      },
      'sr-Latn': {
        role: 'Potpredsednik Vlade za pitanja zajednica',
        bio: paragraphs('Nenad Petrović je zadužen za prava zajednica, povratak i suživot.'),
      },
      en: {
        role: 'Deputy Prime Minister for Community Affairs',
        bio: paragraphs('Nenad Petrović is responsible for community rights, returns and coexistence.'),
      },
    },
  },
  {
    key: 'spokesperson',
    shared: { name: 'Blerta Hoxha', kind: 'spokesperson', order: 4, portrait: portraits.spokesperson },
    translations: {
      sq: {
        role: 'Zëdhënëse e Qeverisë',
        bio: paragraphs('Blerta Hoxha është zëdhënëse e Qeverisë dhe drejton Zyrën për Komunikim Publik.'),
      },
      'sr-Latn': {
        role: 'Portparolka Vlade',
        bio: paragraphs('Blerta Hodža je portparolka Vlade i rukovodi Kancelarijom za javnu komunikaciju.'),
      },
      en: {
        role: 'Government Spokesperson',
        bio: paragraphs('Blerta Hoxha is the Government Spokesperson and heads the Office of Public Communications.'),
      },
    },
  },
];

const tag = (key: string, sq: string, sr: string, en: string): SeedItem => ({
  key,
  translations: { sq: { name: sq }, 'sr-Latn': { name: sr }, en: { name: en } },
});

export const tags = (): SeedItem[] => [
  tag('budget', 'Buxheti', 'Budžet', 'Budget'),
  tag('energy', 'Energjia', 'Energetika', 'Energy'),
  tag('education', 'Arsimi', 'Obrazovanje', 'Education'),
  tag('health', 'Shëndetësia', 'Zdravstvo', 'Health'),
  tag('eu', 'Integrimi evropian', 'Evropske integracije', 'European integration'),
  tag('environment', 'Mjedisi', 'Životna sredina', 'Environment'),
  tag('digital', 'Shërbimet digjitale', 'Digitalne usluge', 'Digital services'),
  tag('communities', 'Komunitetet', 'Zajednice', 'Communities'),
  tag('emergencies', 'Emergjencat', 'Vanredne situacije', 'Emergencies'),
];
