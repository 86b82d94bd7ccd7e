import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { CONTENT_TYPES, REFERENCE } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { createRelease } from '../../test/fixtures/release';
import { seedSubscribers } from '../../test/fixtures/subscribers';
import { recipientOf, startSmtp, type TestSmtp } from '../../test/smtp';
import { HITS } from '../intake/guard';
import { sendOutbox } from '../mail/worker';
import { takeStep } from '../requests/desk';
import { addDays, officeDate } from '../requests/deadlines';
import { loadEnv } from '../env';
import { runAlerts } from '../alerts/cron';
import { SUBSCRIBERS, SUBSCRIPTIONS } from '../alerts/tables';
import { MEDIA_TOPIC } from './media-list';
import { runAccreditationExpiry } from './expiry';

/**
 * An accreditation from the application on the site to its end, with the mail each step
 * sends read from a real SMTP server; and a release sent ahead under embargo to the
 * accredited journalists only.
 */
let app: TestStrapi;
let smtp: TestSmtp;
const UID = CONTENT_TYPES.accreditation.uid;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

const env = () => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  SITE_URL: 'https://site.example',
  OFFICE_EMAIL: 'desk@office.example',
});

function application(fields: Record<string, string | string[]>, letter = true) {
  const body = new FormData();
  const all = {
    language: 'sr-Latn',
    name: 'Jelena Petrović',
    outlet: 'Radio Kim',
    role: 'journalist',
    email: 'jelena@radiokim.example',
    accreditationType: 'annual',
    languages: ['sr-Latn'],
    consent: 'yes',
    website: '',
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) for (const one of [v].flat()) body.append(k, one);
  if (letter) body.append('attachment', new Blob([PDF], { type: 'application/pdf' }), 'letter.pdf');
  return body;
}

const apply = async (body: FormData, accept = 'text/html') => {
  await app.strapi.db.connection(HITS).del();
  return fetch(`${app.url}/intake/accreditation`, {
    method: 'POST',
    body,
    headers: { Accept: accept },
    redirect: 'manual',
  });
};

const mailTo = (address: string) => smtp.received.filter((m) => recipientOf(m) === address);
const subjects = (address: string) => mailTo(address).map((m: ParsedMail) => m.subject);
const onMediaList = async (email: string) =>
  (await app.strapi.db
    .connection(SUBSCRIPTIONS)
    .join(SUBSCRIBERS, `${SUBSCRIBERS}.id`, `${SUBSCRIPTIONS}.subscriber_id`)
    .where({ email, topic: MEDIA_TOPIC })
    .select('locale')) as Array<{ locale: string }>;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startStrapi({ listen: true, env: env() });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  for (const key of Object.keys(env())) delete process.env[key];
});

beforeEach(() => {
  smtp.received.length = 0;
});

describe('an application for accreditation', () => {
  it('refuses an application without consent or without the letter, in the form’s language', async () => {
    const noConsent = await apply(application({ consent: [] }), 'application/json');
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).errors).toEqual({
      consent: 'Molimo saglasite se sa obradom Vaših ličnih podataka: bez toga Kancelarija ne može da Vas akredituje.',
    });
    const noLetter = await apply(application({ language: 'en' }, false), 'application/json');
    expect((await noLetter.json()).errors).toEqual({ attachment: 'Please attach the letter from your editor.' });
  });

  it('goes from application to accreditation to its end, telling the journalist at each step', async () => {
    const sent = await apply(application({ languages: ['sr-Latn', 'en'] }));
    expect(sent.status).toBe(303);
    const reference = new URL(sent.headers.get('location')!).searchParams.get('ref')!;
    expect(reference).toMatch(REFERENCE);
    expect(reference.startsWith('AC-')).toBe(true);
    await sendOutbox(app.strapi);
    expect(subjects('jelena@radiokim.example')).toEqual([`Vaša prijava za akreditaciju: ${reference}`]);
    expect(subjects('desk@office.example')[0]).toMatch(/^kërkesë për akreditim e re AC-/);
    const entry = (await app.strapi.db.query(UID).findOne({ where: { reference } })) as {
      documentId: string;
      languages: string[];
      consent: boolean;
    };
    expect(entry).toMatchObject({ languages: ['sr-Latn', 'en'], consent: true });
    smtp.received.length = 0;
    expect(
      await app.strapi.db.connection('newsroom_attachments').where('document_id', entry.documentId).select('name'),
    ).toEqual([{ name: 'letter.pdf' }]);

    const today = officeDate(new Date());
    const validUntil = addDays(today, 30);
    expect(
      await takeStep(
        app.strapi,
        'accreditation',
        entry.documentId,
        'approve',
        { grantedType: 'annual' },
        'officer@office.example',
      ),
    ).toMatchObject({
      ok: false,
      problems: { validUntil: 'required' },
    });
    expect(
      await takeStep(
        app.strapi,
        'accreditation',
        entry.documentId,
        'approve',
        { grantedType: 'annual', validUntil },
        'officer@office.example',
      ),
    ).toEqual({ ok: true, status: 'approved' });
    expect((await onMediaList('jelena@radiokim.example')).map((r) => r.locale).sort()).toEqual(['en', 'sr-Latn']);

    await takeStep(
      app.strapi,
      'accreditation',
      entry.documentId,
      'suspend',
      { reason: 'Prekršen embargo 3. decembra.' },
      'officer@office.example',
    );
    expect(await onMediaList('jelena@radiokim.example')).toEqual([]);
    await takeStep(app.strapi, 'accreditation', entry.documentId, 'reinstate', {}, 'officer@office.example');
    expect(await onMediaList('jelena@radiokim.example')).toHaveLength(2);

    // A week before the last day, a reminder, once; after it, the accreditation lapses by itself.
    const lastDay = new Date(`${validUntil}T12:00:00Z`);
    await runAccreditationExpiry(app.strapi, new Date(lastDay.getTime() - 8 * 86_400_000));
    await runAccreditationExpiry(app.strapi, new Date(lastDay.getTime() - 5 * 86_400_000));
    await runAccreditationExpiry(app.strapi, new Date(lastDay.getTime() - 4 * 86_400_000));
    await runAccreditationExpiry(app.strapi, new Date(lastDay.getTime() + 86_400_000));
    expect((await app.strapi.db.query(UID).findOne({ where: { reference } })).status).toBe('lapsed');
    expect(await onMediaList('jelena@radiokim.example')).toEqual([]);
    await sendOutbox(app.strapi);
    const letters = subjects('jelena@radiokim.example');
    expect(letters).toEqual([
      `Akreditovani ste: ${reference}`,
      `Vaša akreditacija je suspendovana: ${reference}`,
      `Vaša akreditacija ponovo važi: ${reference}`,
      expect.stringMatching(new RegExp(`^Vaša akreditacija ističe .+: ${reference}$`)),
      `Vaša akreditacija je istekla: ${reference}`,
    ]);
    expect(mailTo('jelena@radiokim.example')[1].text).toContain('Prekršen embargo 3. decembra.');
  });
});

describe('a release sent ahead under embargo', () => {
  it('reaches accredited journalists in the languages they asked for at publish, and the public and subscribers only after the embargo', async () => {
    const sent = await apply(
      application({ email: 'ana@koha.example', name: 'Ana Krasniqi', language: 'sq', languages: ['sq'] }),
    );
    const reference = new URL(sent.headers.get('location')!).searchParams.get('ref')!;
    const { documentId: accreditation } = (await app.strapi.db.query(UID).findOne({ where: { reference } })) as {
      documentId: string;
    };
    await takeStep(
      app.strapi,
      'accreditation',
      accreditation,
      'approve',
      { grantedType: 'event', validUntil: addDays(officeDate(new Date()), 2) },
      'officer@office.example',
    );
    await seedSubscribers(app.strapi, 3, { prefix: 'reader', locale: () => 'sq', topics: () => ['all'] });

    const until = Math.ceil((Date.now() + 2 * 3_600_000) / 60_000) * 60_000;
    await createRelease(app.strapi, { sq: 'Marrëveshja e re tregtare', en: 'The new trade agreement' }, ['sq', 'en'], {
      embargoUntil: new Date(until).toISOString(),
      sendAheadToMedia: true,
    });
    await runAlerts(app.strapi, loadEnv());
    const [ahead] = mailTo('ana@koha.example').filter((m) => m.subject?.includes('Marrëveshja'));
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Belgrade',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(until);
    expect(ahead.subject).toMatch(new RegExp(`^NËN EMBARGO deri në orën ${time}, .+: Marrëveshja e re tregtare$`));
    expect(ahead.text!.split('\n')[0]).toMatch(
      new RegExp(`^Nën embargo deri në orën ${time}, \\d+ \\S+ \\d{4} \\(ora e Prishtinës\\)\\.`),
    );
    expect(ahead.text).toContain('Body of Marrëveshja e re tregtare');
    // Not in English (she did not ask for it), not to readers, not in the public API.
    expect(smtp.received.filter((m) => m.subject?.includes('trade agreement'))).toEqual([]);
    expect(smtp.received.filter((m) => recipientOf(m)?.startsWith('reader-'))).toEqual([]);
    const api = await (await fetch(`${app.url}/api/releases?locale=sq`)).text();
    expect(api).not.toContain('Marrëveshja');

    await runAlerts(app.strapi, loadEnv(), until + 1000);
    expect(smtp.received.filter((m) => recipientOf(m)?.startsWith('reader-')).map((m) => m.subject)).toEqual([
      'Marrëveshja e re tregtare',
      'Marrëveshja e re tregtare',
      'Marrëveshja e re tregtare',
    ]);
    expect(mailTo('ana@koha.example').filter((m) => m.subject?.includes('Marrëveshja'))).toHaveLength(1);
  });
});

describe('the public list of accredited outlets', () => {
  const accredit = async (name: string, outlet: string, email: string, then?: 'decline' | 'suspend') => {
    const sent = await apply(application({ name, outlet, email }));
    const reference = new URL(sent.headers.get('location')!).searchParams.get('ref')!;
    const { documentId } = (await app.strapi.db.query(UID).findOne({ where: { reference } })) as { documentId: string };
    const officer = 'officer@office.example';
    if (then === 'decline')
      return takeStep(app.strapi, 'accreditation', documentId, 'decline', { reason: 'No letter' }, officer);
    await takeStep(
      app.strapi,
      'accreditation',
      documentId,
      'approve',
      { grantedType: 'annual', validUntil: addDays(officeDate(new Date()), 90) },
      officer,
    );
    if (then === 'suspend')
      await takeStep(app.strapi, 'accreditation', documentId, 'suspend', { reason: 'Embargo broken' }, officer);
  };

  it('lists each outlet accredited today once, never a person, and only when the office publishes it', async () => {
    const list = async () => {
      const text = await (await fetch(`${app.url}/api/newsroom/accredited-outlets`)).text();
      return { text, data: (JSON.parse(text) as { data: { published: boolean; outlets: string[] } }).data };
    };
    await accredit('Besnik Gashi', 'Kanal 10', 'besnik@kanal10.example');
    await accredit('Drita Morina', ' kanal  10 ', 'drita@kanal10.example');
    await accredit('Luan Hoti', 'Zëri', 'luan@zeri.example', 'decline');
    await accredit('Mira Leka', 'Telegrafi', 'mira@telegrafi.example', 'suspend');
    expect((await list()).data).toEqual({ published: false, outlets: [] });
    process.env.ACCREDITED_OUTLETS_PUBLIC = 'true';
    try {
      const { text, data } = await list();
      expect(data.published).toBe(true);
      expect(data.outlets.filter((o) => /kanal\s+10/i.test(o))).toEqual(['Kanal 10']);
      expect(data.outlets).not.toContain('Zëri');
      expect(data.outlets).not.toContain('Telegrafi');
      for (const person of ['Besnik', 'Drita', 'Luan', 'Mira', '@']) expect(text).not.toContain(person);
    } finally {
      delete process.env.ACCREDITED_OUTLETS_PUBLIC;
    }
  });
});
