import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES as T } from '@newsroom/shared-types';
import { takeStep } from '../requests/desk';
import { addDays, officeDate } from '../requests/deadlines';
import type { SeedLedger } from './store';

/**
 * A few submissions for the requests desk and the disclosure log: a request answered and
 * published with the document released, one waiting, a journalist's question, an application
 * for accreditation waiting and an accreditation given. The
 * senders are at example.org, so no real person's mail is ever written.
 */
export async function seedRequests(strapi: Core.Strapi, ledger: SeedLedger, releasedFile: number) {
  const make = async (key: string, uid: string, data: Record<string, unknown>) => {
    if (ledger.get(key)) return null;
    const { documentId } = (await strapi.documents(uid as never).create({ data: data as never })) as unknown as {
      documentId: string;
    };
    await ledger.record(key, documentId);
    return documentId;
  };
  const answered = await make('request:subsidy-guide', T.documentRequest.uid, {
    name: 'Demo Requester',
    email: 'requester@example.org',
    language: 'sq',
    preferredFormat: 'electronic',
    description: 'Udhëzuesi për subvencionin e energjisë dhe kriteret e përzgjedhjes.',
  });
  if (answered) {
    await takeStep(
      strapi,
      'documentRequest',
      answered,
      'grant',
      { answer: 'Udhëzuesi është bashkëngjitur.' },
      'demo@newsroom.local',
    );
    await strapi.documents(T.documentRequest.uid as never).update({
      documentId: answered,
      data: {
        publishInLog: true,
        disclosureSummary: 'Udhëzuesi për subvencionin e energjisë, 2026',
        releasedFiles: [releasedFile],
      } as never,
    });
  }
  await make('request:travel-costs', T.documentRequest.uid, {
    name: 'Demo Journalist',
    email: 'journalist@example.org',
    language: 'en',
    preferredFormat: 'electronic',
    description: 'The travel costs of the Office of the Prime Minister in 2025, by trip.',
  });
  await make('question:press-centre', T.mediaInquiry.uid, {
    name: 'Demo Reporter',
    email: 'reporter@example.org',
    outlet: 'Radio Demo',
    language: 'sr-Latn',
    question: 'Kada će novi pres centar biti otvoren za novinare?',
  });
  // An application waiting for the accreditation officer, and an outlet already accredited.
  await make('accreditation:waiting', T.accreditation.uid, {
    name: 'Demo Photographer',
    email: 'photographer@example.org',
    outlet: 'Foto Demo',
    role: 'photo',
    accreditationType: 'event',
    event: 'Samiti i Procesit të Berlinit',
    languages: ['sq', 'en'],
    consent: true,
    language: 'sq',
  });
  const accredited = await make('accreditation:annual', T.accreditation.uid, {
    name: 'Demo Correspondent',
    email: 'correspondent@example.org',
    outlet: 'TV Demo',
    role: 'journalist',
    accreditationType: 'annual',
    languages: ['sq', 'sr-Latn', 'en'],
    consent: true,
    language: 'en',
  });
  if (accredited)
    await takeStep(
      strapi,
      'accreditation',
      accredited,
      'approve',
      { grantedType: 'annual', validUntil: addDays(officeDate(new Date()), 365) },
      'demo@newsroom.local',
    );
}
