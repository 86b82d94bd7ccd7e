import type { Blocks, Locale } from '@newsroom/shared-types';
import { h, link, p, paragraphs, quote, ul } from '../blocks';
import type { SeedItem } from '../documents';
import type { Clock } from '../when';

interface Refs {
  clock: Clock;
  people: Record<string, string>;
  tags: Record<string, string>;
  photos: Record<string, number>;
  files: Record<string, number>;
}

const words = (title: string, dateline: string, summary: string, body: Blocks, leadImageAlt?: string) => ({
  title,
  dateline,
  summary,
  body,
  ...(leadImageAlt ? { leadImageAlt } : {}),
});

const items = ({ clock, people, tags, photos, files }: Refs): SeedItem[] => [
  {
    key: 'budget-2027',
    shared: { issuedAt: clock.at(-2, 14), leadImage: photos.session1 },
    relations: { people: [people.pm], tags: [tags.budget] },
    translations: {
      sq: words(
        'Qeveria miraton projektbuxhetin për vitin 2027',
        'Prishtinë',
        'Qeveria miratoi projektbuxhetin për vitin 2027 me rritje të investimeve kapitale në arsim, shëndetësi dhe energji.',
        [
          p(
            'Në mbledhjen e sotme, Qeveria miratoi projektbuxhetin për vitin 2027, i cili i dërgohet Kuvendit për shqyrtim.',
          ),
          h('Prioritetet kryesore'),
          ul(
            'Rritje prej 12% e investimeve kapitale',
            'Tekste falas për të gjithë nxënësit e arsimit fillor',
            'Subvencione për efiçiencë të energjisë në amvisëri',
          ),
          quote('Ky është buxheti i investimeve në njerëz, jo vetëm në infrastrukturë. — Kryeministri Driton Gashi'),
        ],
        'Kryeministri kryeson mbledhjen e Qeverisë',
      ),
      'sr-Latn': words(
        'Vlada usvojila nacrt budžeta za 2027. godinu',
        'Priština',
        'Vlada je usvojila nacrt budžeta za 2027. godinu sa povećanjem kapitalnih investicija u obrazovanje, zdravstvo i energetiku.',
        [
          p(
            'Na današnjoj sednici Vlada je usvojila nacrt budžeta za 2027. godinu, koji se upućuje Skupštini na razmatranje.',
          ),
          h('Glavni prioriteti'),
          ul(
            'Povećanje kapitalnih investicija za 12%',
            'Besplatni udžbenici za sve učenike osnovnih škola',
            'Subvencije za energetsku efikasnost domaćinstava',
          ),
          quote('Ovo je budžet ulaganja u ljude, a ne samo u infrastrukturu. — Premijer Driton Gaši'),
        ],
        'Premijer predsedava sednicom Vlade',
      ),
      en: words(
        'Government approves the draft budget for 2027',
        'Prishtina',
        'The Government approved the draft budget for 2027, raising capital investment in education, health and energy.',
        [
          p(
            'At today’s meeting the Government approved the draft budget for 2027, which now goes to the Assembly for review.',
          ),
          h('Main priorities'),
          ul(
            'A 12% increase in capital investment',
            'Free textbooks for every primary-school pupil',
            'Energy-efficiency grants for households',
          ),
          quote('This is a budget that invests in people, not only in infrastructure. — Prime Minister Driton Gashi'),
        ],
        'The Prime Minister chairs the government meeting',
      ),
    },
  },
  {
    key: 'eu-ambassador',
    shared: { issuedAt: clock.at(-3, 11) },
    relations: { people: [people.pm, people['dpm-first']], tags: [tags.eu] },
    translations: {
      sq: words(
        'Kryeministri takon shefin e Zyrës së BE-së për hapat e ardhshëm të integrimit',
        'Prishtinë',
        'Takimi u përqendrua në zbatimin e Agjendës së Reformave dhe në fondet e Planit të Rritjes.',
        paragraphs(
          'Kryeministri Driton Gashi dhe Zëvendëskryeministrja e Parë Mimoza Krasniqi pritën sot shefin e Zyrës së Bashkimit Evropian.',
          'U ra dakord që deri në fund të vitit të përfundojnë tri reforma kyçe në administratën publike dhe në prokurimin publik.',
        ),
      ),
      'sr-Latn': words(
        'Premijer se sastao sa šefom Kancelarije EU o narednim koracima integracija',
        'Priština',
        'Sastanak je bio posvećen sprovođenju Agende reformi i sredstvima iz Plana rasta.',
        paragraphs(
          'Premijer Driton Gaši i prva potpredsednica Vlade Mimoza Krasnići primili su danas šefa Kancelarije Evropske unije.',
          'Dogovoreno je da se do kraja godine završe tri ključne reforme u javnoj upravi i javnim nabavkama.',
        ),
      ),
      en: words(
        'Prime Minister meets the Head of the EU Office on the next steps of integration',
        'Prishtina',
        'The meeting focused on implementing the Reform Agenda and on funds from the Growth Plan.',
        paragraphs(
          'Prime Minister Driton Gashi and First Deputy Prime Minister Mimoza Krasniqi today received the Head of the European Union Office.',
          'They agreed that three key reforms of public administration and public procurement will be completed by the end of the year.',
        ),
      ),
    },
  },
  {
    key: 'winter-energy-subsidy',
    shared: { issuedAt: clock.at(-5, 15), leadImage: photos.energy, attachments: [files.subsidyGuide] },
    relations: { people: [people.pm], tags: [tags.energy] },
    translations: {
      sq: words(
        'Subvencion për energjinë për 120 mijë familje gjatë dimrit',
        'Prishtinë',
        'Familjet me të ardhura të ulëta do të marrin subvencion mujor për faturat e energjisë nga dhjetori deri në mars.',
        paragraphs(
          'Qeveria ndau 18 milionë euro për subvencionimin e faturave të energjisë elektrike për familjet me të ardhura të ulëta.',
          'Aplikimi bëhet pranë qendrave për punë sociale ose përmes portalit të shërbimeve elektronike deri më 15 dhjetor.',
        ),
        'Linjat e transmetimit të energjisë në dimër',
      ),
      'sr-Latn': words(
        'Subvencija za energiju za 120 hiljada porodica tokom zime',
        'Priština',
        'Porodice sa niskim primanjima dobijaće mesečnu subvenciju za račune za struju od decembra do marta.',
        paragraphs(
          'Vlada je izdvojila 18 miliona evra za subvencionisanje računa za električnu energiju porodicama sa niskim primanjima.',
          'Prijave se podnose centrima za socijalni rad ili preko portala elektronskih usluga do 15. decembra.',
        ),
        'Dalekovodi zimi',
      ),
      en: words(
        'Winter energy subsidy for 120,000 families',
        'Prishtina',
        'Low-income families will receive a monthly subsidy on their electricity bills from December to March.',
        paragraphs(
          'The Government allocated EUR 18 million to subsidise the electricity bills of low-income families.',
          'Applications are made at centres for social work or through the e-services portal until 15 December.',
        ),
        'Power lines in winter',
      ),
    },
  },
  {
    key: 'free-textbooks',
    shared: { issuedAt: clock.at(-8, 9) },
    relations: { tags: [tags.education] },
    translations: {
      sq: words(
        'Tekste shkollore falas për të gjithë nxënësit e klasave 1–9',
        'Prishtinë',
        'Ministria e Arsimit fillon shpërndarjen e teksteve falas në të gjitha komunat.',
        paragraphs(
          'Më shumë se 230 mijë nxënës do të marrin tekstet shkollore falas për vitin shkollor 2026/27.',
          'Tekstet janë në dispozicion në gjuhën shqipe, serbe, boshnjake dhe turke.',
        ),
      ),
      'sr-Latn': words(
        'Besplatni udžbenici za sve učenike od 1. do 9. razreda',
        'Priština',
        'Ministarstvo obrazovanja počinje podelu besplatnih udžbenika u svim opštinama.',
        paragraphs(
          'Više od 230 hiljada učenika dobiće besplatne udžbenike za školsku 2026/27. godinu.',
          'Udžbenici su dostupni na albanskom, srpskom, bosanskom i turskom jeziku.',
        ),
      ),
      en: words(
        'Free textbooks for every pupil in grades 1 to 9',
        'Prishtina',
        'The Ministry of Education begins distributing free textbooks in every municipality.',
        paragraphs(
          'More than 230,000 pupils will receive free textbooks for the 2026/27 school year.',
          'The textbooks are available in Albanian, Serbian, Bosnian and Turkish.',
        ),
      ),
    },
  },
  {
    key: 'e-services-portal',
    shared: { issuedAt: clock.at(-12, 12) },
    relations: { people: [people.pm], tags: [tags.digital] },
    translations: {
      sq: words(
        'Portali i ri i shërbimeve elektronike ofron 150 shërbime në një vend',
        'Prishtinë',
        'Qytetarët mund të marrin certifikata, të paguajnë taksa dhe të aplikojnë për leje pa shkuar në sportel.',
        [
          p('Qeveria lansoi sot portalin e ri të shërbimeve elektronike me 150 shërbime për qytetarët dhe bizneset.'),
          p(
            'Portali është i qasshëm në ',
            link('https://ekosova.rks-gov.net', 'ekosova.rks-gov.net'),
            ' dhe punon edhe në telefon.',
          ),
        ],
      ),
      'sr-Latn': words(
        'Novi portal elektronskih usluga nudi 150 usluga na jednom mestu',
        'Priština',
        'Građani mogu da dobiju uverenja, plate takse i podnesu zahteve za dozvole bez odlaska na šalter.',
        [
          p('Vlada je danas pokrenula novi portal elektronskih usluga sa 150 usluga za građane i preduzeća.'),
          p(
            'Portal je dostupan na ',
            link('https://ekosova.rks-gov.net', 'ekosova.rks-gov.net'),
            ' i radi i na telefonu.',
          ),
        ],
      ),
      en: words(
        'New e-services portal brings 150 services together',
        'Prishtina',
        'Citizens can get certificates, pay fees and apply for permits without queuing at a counter.',
        [
          p('The Government today launched the new e-services portal with 150 services for citizens and businesses.'),
          p(
            'The portal is at ',
            link('https://ekosova.rks-gov.net', 'ekosova.rks-gov.net'),
            ' and works on phones too.',
          ),
        ],
      ),
    },
  },
  {
    key: 'highway-section',
    shared: { issuedAt: clock.at(-15, 13), leadImage: photos.highway1 },
    relations: { people: [people.pm], tags: [tags.budget] },
    translations: {
      sq: words(
        'Hapet segmenti i ri i autostradës Prishtinë–Gjilan',
        'Gjilan',
        'Segmenti 14 kilometërsh shkurton udhëtimin për 20 minuta dhe rrit sigurinë në rrugë.',
        paragraphs(
          'Kryeministri përuroi sot segmentin e ri të autostradës, të ndërtuar në afat dhe brenda buxhetit.',
          'Segmenti ka dy korsi në secilin drejtim, ndriçim të plotë dhe kalime të sigurta për këmbësorët.',
        ),
        'Segmenti i ri i autostradës',
      ),
      'sr-Latn': words(
        'Otvorena nova deonica autoputa Priština–Gnjilane',
        'Gnjilane',
        'Deonica od 14 kilometara skraćuje putovanje za 20 minuta i povećava bezbednost na putu.',
        paragraphs(
          'Premijer je danas otvorio novu deonicu autoputa, izgrađenu u roku i u okviru budžeta.',
          'Deonica ima po dve trake u svakom smeru, potpuno osvetljenje i bezbedne pešačke prelaze.',
        ),
        'Nova deonica autoputa',
      ),
      en: words(
        'New Prishtina–Gjilan motorway section opens',
        'Gjilan',
        'The 14-kilometre section cuts the journey by 20 minutes and makes the road safer.',
        paragraphs(
          'The Prime Minister today opened the new motorway section, built on time and on budget.',
          'The section has two lanes in each direction, full lighting and safe pedestrian crossings.',
        ),
        'The new motorway section',
      ),
    },
  },
  {
    key: 'access-to-documents-law',
    shared: { issuedAt: clock.at(-20, 16) },
    relations: { people: [people.spokesperson], tags: [tags.digital] },
    translations: {
      sq: words(
        'Miratohet projektligji për qasje në dokumente publike',
        'Prishtinë',
        'Projektligji shkurton afatin e përgjigjes dhe krijon regjistrin publik të kërkesave.',
        paragraphs(
          'Qeveria miratoi projektligjin e ri për qasje në dokumente publike, i cili shkurton afatin e përgjigjes në shtatë ditë pune.',
          'Projektligji kalon tani në konsultim publik deri në fund të muajit.',
        ),
      ),
      'sr-Latn': words(
        'Usvojen nacrt zakona o pristupu javnim dokumentima',
        'Priština',
        'Nacrt zakona skraćuje rok za odgovor i uvodi javni registar zahteva.',
        paragraphs(
          'Vlada je usvojila novi nacrt zakona o pristupu javnim dokumentima, kojim se rok za odgovor skraćuje na sedam radnih dana.',
          'Nacrt zakona je sada u javnim konsultacijama do kraja meseca.',
        ),
      ),
      en: words(
        'Draft law on access to public documents approved',
        'Prishtina',
        'The draft law shortens the time to answer and creates a public register of requests.',
        paragraphs(
          'The Government approved the new draft law on access to public documents, which shortens the time to answer to seven working days.',
          'The draft now goes to public consultation until the end of the month.',
        ),
      ),
    },
  },
  {
    key: 'oncology-equipment',
    shared: { issuedAt: clock.at(-26, 10) },
    relations: { tags: [tags.health] },
    translations: {
      sq: words(
        'Pajisje të reja për Klinikën Onkologjike',
        'Prishtinë',
        'Dy përshpejtues linearë të rinj do të shkurtojnë pritjen për radioterapi.',
        paragraphs(
          'Ministria e Shëndetësisë pranoi dy përshpejtues linearë të financuar nga buxheti dhe nga partnerët ndërkombëtarë.',
          'Me pajisjet e reja, pacientët nuk do të kenë më nevojë të trajtohen jashtë vendit.',
        ),
      ),
      'sr-Latn': words(
        'Nova oprema za Onkološku kliniku',
        'Priština',
        'Dva nova linearna akceleratora skratiće čekanje na radioterapiju.',
        paragraphs(
          'Ministarstvo zdravlja primilo je dva linearna akceleratora finansirana iz budžeta i od međunarodnih partnera.',
          'Sa novom opremom pacijenti više neće morati da se leče u inostranstvu.',
        ),
      ),
      en: words(
        'New equipment for the Oncology Clinic',
        'Prishtina',
        'Two new linear accelerators will shorten the wait for radiotherapy.',
        paragraphs(
          'The Ministry of Health received two linear accelerators funded by the budget and international partners.',
          'With the new equipment, patients will no longer need to be treated abroad.',
        ),
      ),
    },
  },
  {
    key: 'north-municipalities',
    shared: { issuedAt: clock.at(-33, 12) },
    relations: { people: [people['dpm-communities']], tags: [tags.communities] },
    translations: {
      sq: words(
        'Zëvendëskryeministri Petrović takon kryetarët e komunave në veri',
        'Mitrovicë',
        'Në fokus ishin investimet në ujësjellës dhe punësimi i të rinjve.',
        paragraphs(
          'Zëvendëskryeministri Nenad Petrović diskutoi me kryetarët e katër komunave projektet e përbashkëta për vitin e ardhshëm.',
          'U paraqit plani për rinovimin e rrjetit të ujësjellësit dhe për një qendër të re rinore.',
        ),
      ),
      'sr-Latn': words(
        'Potpredsednik Vlade Petrović sastao se sa predsednicima opština na severu',
        'Mitrovica',
        'U fokusu su bila ulaganja u vodovod i zapošljavanje mladih.',
        paragraphs(
          'Potpredsednik Vlade Nenad Petrović razgovarao je sa predsednicima četiri opštine o zajedničkim projektima za narednu godinu.',
          'Predstavljen je plan obnove vodovodne mreže i novog omladinskog centra.',
        ),
      ),
      en: words(
        'Deputy Prime Minister Petrović meets the mayors of the northern municipalities',
        'Mitrovica',
        'Investment in water supply and youth employment were the focus.',
        paragraphs(
          'Deputy Prime Minister Nenad Petrović discussed joint projects for next year with the mayors of four municipalities.',
          'A plan to renew the water network and to open a new youth centre was presented.',
        ),
      ),
    },
  },
  {
    key: 'reforestation',
    shared: { issuedAt: clock.at(-40, 11) },
    relations: { tags: [tags.environment] },
    translations: {
      sq: words(
        'Një milion fidanë për pyjet e dëmtuara nga zjarret',
        'Pejë',
        'Programi katërvjeçar i ripyllëzimit fillon këtë vjeshtë me 250 mijë fidanë.',
        paragraphs(
          'Qeveria nisi programin e ripyllëzimit të zonave të dëmtuara nga zjarret e verës.',
          'Vullnetarët mund të regjistrohen pranë komunave për aksionet e mbjelljes çdo të shtunë.',
        ),
      ),
      en: words(
        'One million saplings for forests damaged by fire',
        'Peja',
        'The four-year reforestation programme starts this autumn with 250,000 saplings.',
        paragraphs(
          'The Government launched the programme to reforest areas damaged by this summer’s fires.',
          'Volunteers can register with their municipality for the planting days held every Saturday.',
        ),
      ),
    },
  },
  {
    key: 'flood-assistance',
    shared: { issuedAt: clock.at(-45, 18), leadImage: photos.flood1 },
    relations: { people: [people.pm], tags: [tags.emergencies] },
    translations: {
      sq: words(
        'Ndihmë emergjente për familjet e prekura nga vërshimet',
        'Skënderaj',
        'Çdo familje e prekur merr 1 000 euro ndihmë të menjëhershme dhe ndihmë për riparimin e shtëpive.',
        paragraphs(
          'Pas vërshimeve të javës së kaluar, Qeveria miratoi pakon e ndihmës emergjente prej 3 milionë eurosh.',
          'Ekipet e Agjencisë për Menaxhimin e Emergjencave vazhdojnë vlerësimin e dëmeve në terren.',
        ),
        'Kryeministri viziton zonat e përmbytura',
      ),
      'sr-Latn': words(
        'Hitna pomoć porodicama pogođenim poplavama',
        'Srbica',
        'Svaka pogođena porodica dobija 1.000 evra hitne pomoći i pomoć za popravku kuća.',
        paragraphs(
          'Nakon poplava prošle nedelje, Vlada je usvojila paket hitne pomoći od 3 miliona evra.',
          'Timovi Agencije za upravljanje vanrednim situacijama nastavljaju procenu štete na terenu.',
        ),
        'Premijer obilazi poplavljena područja',
      ),
    },
  },
  {
    key: 'youth-employment',
    shared: { issuedAt: clock.at(-52, 10) },
    relations: { tags: [tags.budget, tags.education] },
    translations: {
      sq: words(
        'Programi i punësimit të të rinjve hap 3 000 vende praktike',
        'Prizren',
        'Të rinjtë deri në 29 vjeç mund të aplikojnë për praktikë të paguar gjashtëmujore.',
        paragraphs(
          'Programi mbulon 60 për qind të pagës së praktikantit për gjashtë muaj.',
          'Aplikimet pranohen në zyrat e punësimit dhe në portalin e shërbimeve elektronike.',
        ),
      ),
      'sr-Latn': words(
        'Program zapošljavanja mladih otvara 3.000 mesta za praksu',
        'Prizren',
        'Mladi do 29 godina mogu da se prijave za plaćenu šestomesečnu praksu.',
        paragraphs(
          'Program pokriva 60 odsto plate praktikanta tokom šest meseci.',
          'Prijave se primaju u kancelarijama za zapošljavanje i na portalu elektronskih usluga.',
        ),
      ),
      en: words(
        'Youth employment programme opens 3,000 traineeships',
        'Prizren',
        'Young people up to 29 can apply for a paid six-month traineeship.',
        paragraphs(
          'The programme covers 60 per cent of a trainee’s wage for six months.',
          'Applications are accepted at employment offices and on the e-services portal.',
        ),
      ),
    },
  },
  {
    key: 'pension-indexation',
    drafts: true,
    shared: { issuedAt: clock.at(1, 9), publishAt: clock.at(1, 8) },
    relations: { tags: [tags.budget] },
    translations: {
      sq: words(
        'Pensionet indeksohen me 5 për qind nga janari',
        'Prishtinë',
        'Draft: pret konfirmimin e Ministrisë së Financave.',
        paragraphs('Teksti do të plotësohet pas mbledhjes së Qeverisë.'),
      ),
      en: words(
        'Pensions to rise by 5 per cent from January',
        'Prishtina',
        'Draft: awaiting confirmation from the Ministry of Finance.',
        paragraphs('The text will be completed after the government meeting.'),
      ),
    },
  },
  {
    key: 'cultural-heritage',
    drafts: ['sr-Latn'],
    shared: { issuedAt: clock.at(-6, 12) },
    relations: { tags: [tags.communities] },
    translations: {
      sq: words(
        'Fond i ri për mbrojtjen e trashëgimisë kulturore',
        'Prizren',
        'Fondi prej 2 milionë eurosh financon restaurimin e 20 monumenteve.',
        paragraphs(
          'Qeveria themeloi fondin për restaurimin e monumenteve të trashëgimisë kulturore të të gjitha komuniteteve.',
        ),
      ),
      'sr-Latn': words(
        'Novi fond za zaštitu kulturnog nasleđa',
        'Prizren',
        'Prevod u pripremi.',
        paragraphs('Prevod u pripremi.'),
      ),
      en: words(
        'New fund to protect cultural heritage',
        'Prizren',
        'The EUR 2 million fund pays for the restoration of 20 monuments.',
        paragraphs('The Government set up a fund to restore cultural heritage monuments of all communities.'),
      ),
    },
  },
];

/** A public correction and a withdrawal, so the demo shows both. */
const editorial: Record<string, (clock: Refs['clock']) => Partial<Record<Locale, Record<string, unknown>>>> = {
  'winter-energy-subsidy': (clock) => ({
    sq: { changeNotes: [{ date: clock.day(-4), text: 'U korrigjua afati i aplikimit: 15 dhjetor.' }] },
    'sr-Latn': { changeNotes: [{ date: clock.day(-4), text: 'Ispravljen rok za prijave: 15. decembar.' }] },
    en: { changeNotes: [{ date: clock.day(-4), text: 'Corrected the application deadline: 15 December.' }] },
  }),
  'youth-employment': (clock) => {
    const withdrawal = (explanation: string) => ({
      withdrawal: { reason: 'superseded', explanation, withdrawnAt: clock.at(-10, 12) },
    });
    return {
      sq: withdrawal('Programi u zëvendësua nga Garancia për të Rinjtë; kushtet e reja janë në faqen e programit.'),
      'sr-Latn': withdrawal('Program je zamenjen Garancijom za mlade; novi uslovi su na stranici programa.'),
      en: withdrawal('The programme was replaced by the Youth Guarantee; the new terms are on the programme page.'),
    };
  },
};

export const releases = (refs: Refs): SeedItem[] =>
  items(refs).map((item) => {
    const extra = editorial[item.key]?.(refs.clock);
    if (!extra) return item;
    const translations = Object.fromEntries(
      Object.entries(item.translations).map(([l, t]) => [l, { ...t, ...extra[l as Locale] }]),
    );
    return { ...item, translations };
  });
