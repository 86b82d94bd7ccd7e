import { h, p, paragraphs, ul } from '../blocks';
import type { SeedItem } from '../documents';

const FUNCTIONS = {
  sq: [
    'publikon komunikatat për media në gjuhët zyrtare',
    'mban arkivin fotografik dhe audio-vizual të aktiviteteve të Kryeministrit dhe të Qeverisë',
    'organizon konferencat për media dhe intervistat',
    'u përgjigjet pyetjeve të gazetarëve',
    'monitoron mediat',
    'harton planin vjetor të komunikimit dhe kalendarin javor',
    'zhvillon fushata për vetëdijesimin e publikut',
    'komunikon konsultimet publike',
    'mirëmban faqen e internetit dhe rrjetet sociale',
    'trajton kërkesat për qasje në dokumente publike',
  ],
  'sr-Latn': [
    'objavljuje saopštenja za medije na službenim jezicima',
    'vodi foto i audio-vizuelnu arhivu aktivnosti premijera i Vlade',
    'organizuje konferencije za medije i intervjue',
    'odgovara na pitanja novinara',
    'prati medije',
    'izrađuje godišnji plan komunikacije i nedeljni kalendar',
    'sprovodi kampanje za podizanje svesti javnosti',
    'komunicira javne konsultacije',
    'održava internet stranicu i društvene mreže',
    'postupa po zahtevima za pristup javnim dokumentima',
  ],
  en: [
    'publishes press releases in the official languages',
    'keeps the photo and audio-visual archive of the activities of the Prime Minister and the Government',
    'organises press conferences and interviews',
    'answers journalists’ questions',
    'monitors the media',
    'drafts the annual communication plan and the weekly calendar',
    'runs public-awareness campaigns',
    'communicates public consultations',
    'maintains the website and social media',
    'handles requests for access to public documents',
  ],
};

export const pages = (): SeedItem[] => [
  {
    key: 'about',
    shared: { key: 'about', order: 1 },
    translations: {
      sq: {
        title: 'Zyra për Komunikim Publik',
        summary: 'Zyra që informon publikun për punën e Kryeministrit dhe të Qeverisë.',
        body: paragraphs(
          'Zyra për Komunikim Publik është pjesë e Zyrës së Kryeministrit. Ajo siguron që qytetarët të informohen në kohë, saktë dhe në gjuhën e tyre.',
        ),
      },
      'sr-Latn': {
        title: 'Kancelarija za javnu komunikaciju',
        summary: 'Kancelarija koja obaveštava javnost o radu premijera i Vlade.',
        body: paragraphs(
          'Kancelarija za javnu komunikaciju deo je Kabineta premijera. Ona obezbeđuje da građani budu obavešteni na vreme, tačno i na svom jeziku.',
        ),
      },
      en: {
        title: 'Office of Public Communications',
        summary: 'The office that informs the public about the work of the Prime Minister and the Government.',
        body: paragraphs(
          'The Office of Public Communications is part of the Office of the Prime Minister. It makes sure citizens are informed on time, accurately and in their own language.',
        ),
      },
    },
  },
  {
    key: 'mandate',
    shared: { key: 'mandate', order: 2 },
    translations: {
      sq: {
        title: 'Mandati dhe funksionet',
        summary: 'Çfarë bën Zyra për Komunikim Publik.',
        body: [p('Zyra për Komunikim Publik:'), ul(...FUNCTIONS.sq)],
      },
      'sr-Latn': {
        title: 'Mandat i funkcije',
        summary: 'Čime se bavi Kancelarija za javnu komunikaciju.',
        body: [p('Kancelarija za javnu komunikaciju:'), ul(...FUNCTIONS['sr-Latn'])],
      },
      en: {
        title: 'Mandate and functions',
        summary: 'What the Office of Public Communications does.',
        body: [p('The Office of Public Communications:'), ul(...FUNCTIONS.en)],
      },
    },
  },
  {
    key: 'access-to-documents',
    shared: { key: 'access-to-documents', order: 3 },
    translations: {
      sq: {
        title: 'Qasja në dokumente publike',
        body: [
          h('Si të bëni kërkesë'),
          p(
            'Çdokush ka të drejtë të kërkojë qasje në dokumente publike, pa pasur nevojë të arsyetojë kërkesën. Do të merrni një numër reference dhe përgjigje brenda shtatë ditëve të punës.',
          ),
        ],
      },
      'sr-Latn': {
        title: 'Pristup javnim dokumentima',
        body: [
          h('Kako podneti zahtev'),
          p(
            'Svako ima pravo da zatraži pristup javnim dokumentima, bez obrazloženja zahteva. Dobićete referentni broj i odgovor u roku od sedam radnih dana.',
          ),
        ],
      },
      en: {
        title: 'Access to public documents',
        body: [
          h('How to make a request'),
          p(
            'Anyone may ask for access to public documents without giving a reason. You will receive a reference number and an answer within seven working days.',
          ),
        ],
      },
    },
  },
  {
    key: 'media-accreditation',
    shared: { key: 'media-accreditation', order: 4 },
    translations: {
      sq: {
        title: 'Akreditimi i mediave',
        body: paragraphs(
          'Gazetarët akreditohen një herë në vit me kartën e shtypit dhe një letër nga redaksia. Akreditimi vlen për konferencat për media dhe për ngjarjet e hapura të agjendës.',
        ),
      },
      'sr-Latn': {
        title: 'Akreditacija medija',
        body: paragraphs(
          'Novinari se akredituju jednom godišnje uz novinarsku legitimaciju i pismo redakcije. Akreditacija važi za konferencije za medije i otvorene događaje iz agende.',
        ),
      },
      en: {
        title: 'Media accreditation',
        body: paragraphs(
          'Journalists are accredited once a year with a press card and a letter from their editor. Accreditation covers press conferences and the open events on the agenda.',
        ),
      },
    },
  },
  {
    key: 'contact',
    shared: { key: 'contact', order: 5 },
    translations: {
      sq: {
        title: 'Kontakti',
        body: paragraphs(
          'Zyra për Komunikim Publik, Ndërtesa e Qeverisë, Prishtinë. Për media: press@kryeministri.example. Orari: e hënë–e premte, 8:00–16:00.',
        ),
      },
      'sr-Latn': {
        title: 'Kontakt',
        body: paragraphs(
          'Kancelarija za javnu komunikaciju, Zgrada Vlade, Priština. Za medije: press@kryeministri.example. Radno vreme: ponedeljak–petak, 8:00–16:00.',
        ),
      },
      en: {
        title: 'Contact',
        body: paragraphs(
          'Office of Public Communications, Government Building, Prishtina. Media: press@kryeministri.example. Hours: Monday to Friday, 8:00–16:00.',
        ),
      },
    },
  },
];
