import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES as T } from '@newsroom/shared-types';
import { SeedLedger } from './store';
import { seedDocuments } from './documents';
import { seedPhoto, seedPdf } from './media';
import { makeClock } from './when';
import { people, tags } from './data/people';
import { releases } from './data/releases';
import { speeches, statements } from './data/speeches';
import { decisions, decisionDocuments, decisionKeysWithoutRelations } from './data/decisions';
import { GALLERIES, galleries, photoKey } from './data/galleries';
import { campaigns } from './data/campaigns';
import { agenda } from './data/agenda';
import { pages } from './data/pages';
import { governments } from './data/governments';
import { seedRequests } from './requests';

async function seedMedia(strapi: Core.Strapi, ledger: SeedLedger) {
  const photos: Record<string, number> = {};
  for (const g of GALLERIES) {
    for (const [i, caption] of g.photos.entries()) {
      const key = photoKey(g.key, i);
      photos[key] = await seedPhoto(strapi, ledger, key, caption.en, (g.hue + i * 17) % 360);
    }
  }
  photos.energy = await seedPhoto(strapi, ledger, 'energy', 'Power lines in winter', 25);
  const portraits: Record<string, number> = {
    pm: await seedPhoto(strapi, ledger, 'portrait-pm', 'Driton Gashi', 220),
    dpmFirst: await seedPhoto(strapi, ledger, 'portrait-dpm-first', 'Mimoza Krasniqi', 320),
    dpmCommunities: await seedPhoto(strapi, ledger, 'portrait-dpm-communities', 'Nenad Petrović', 140),
    spokesperson: await seedPhoto(strapi, ledger, 'portrait-spokesperson', 'Blerta Hoxha', 280),
  };
  const files: Record<string, number> = {
    subsidyGuide: await seedPdf(
      strapi,
      ledger,
      'winter-subsidy-guide',
      'Udhëzues për subvencionin e energjisë / Energy subsidy guide',
      [
        'Kush ka të drejtë / Who is eligible',
        'Si të aplikoni / How to apply',
        'Afati: 15 dhjetor / Deadline: 15 December',
      ],
    ),
  };
  for (const doc of decisionDocuments) files[doc.key] = await seedPdf(strapi, ledger, doc.key, doc.heading, doc.lines);
  return { photos, portraits, files };
}

/**
 * The demo newsroom in three languages. Idempotent through the seed ledger: a second run
 * finds every key recorded and changes nothing.
 */
export async function seedDemo(strapi: Core.Strapi): Promise<void> {
  const ledger = await SeedLedger.open(strapi);
  const clock = makeClock(new Date(String(ledger.get('seeded-at') ?? new Date().toISOString())));
  if (!ledger.get('seeded-at')) await ledger.record('seeded-at', new Date().toISOString());

  const { photos, portraits, files } = await seedMedia(strapi, ledger);
  const personIds = await seedDocuments(strapi, ledger, T.person.uid, people(portraits));
  const tagIds = await seedDocuments(strapi, ledger, T.tag.uid, tags());
  const refs = { clock, people: personIds, tags: tagIds, photos, files };
  const releaseIds = await seedDocuments(strapi, ledger, T.release.uid, releases(refs));
  await seedDocuments(strapi, ledger, T.speech.uid, speeches(refs));
  await seedDocuments(strapi, ledger, T.statement.uid, statements(refs));
  const allDecisions = (earlier: Record<string, string>) => decisions(clock, files, tagIds, earlier);
  const firstDecisions = await seedDocuments(
    strapi,
    ledger,
    T.decision.uid,
    allDecisions({}).filter((d) => decisionKeysWithoutRelations.includes(d.key)),
  );
  await seedDocuments(
    strapi,
    ledger,
    T.decision.uid,
    allDecisions(firstDecisions).filter((d) => !decisionKeysWithoutRelations.includes(d.key)),
  );
  await seedDocuments(strapi, ledger, T.gallery.uid, galleries(clock, photos, personIds, tagIds));
  await seedDocuments(strapi, ledger, T.campaign.uid, campaigns({ clock, photos, tags: tagIds, releases: releaseIds }));
  await seedDocuments(strapi, ledger, T.agendaItem.uid, agenda(clock, personIds));
  await seedDocuments(strapi, ledger, T.page.uid, pages());
  await seedDocuments(strapi, ledger, T.government.uid, governments(clock));
  await seedRequests(strapi, ledger, files.subsidyGuide);
}
