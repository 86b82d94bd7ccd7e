import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, type DisclosureEntry, type MonthStatistics } from '@newsroom/shared-types';
import { officeDate } from './deadlines';
import { monthlyStatistics, type CountedRequest } from './statistics';

const REQUESTS = CONTENT_TYPES.documentRequest.uid;
type File = DisclosureEntry['files'][number];

/** The requests the office chose to publish, with what it released, and nothing of who asked (an allow-list of fields). */
export async function disclosureLog(strapi: Core.Strapi): Promise<DisclosureEntry[]> {
  const rows = (await strapi.db.query(REQUESTS).findMany({
    where: { publishInLog: true, outcome: { $notNull: true }, answeredAt: { $notNull: true } },
    select: ['reference', 'disclosureSummary', 'createdAt', 'answeredAt', 'outcome'],
    populate: { releasedFiles: { select: ['name', 'url', 'mime', 'ext', 'size'] } },
    orderBy: { answeredAt: 'desc' },
  })) as Array<{
    reference: string;
    disclosureSummary: string | null;
    createdAt: string;
    answeredAt: string;
    outcome: DisclosureEntry['outcome'];
    releasedFiles: File[] | null;
  }>;
  return rows.map((r) => ({
    reference: r.reference,
    summary: r.disclosureSummary ?? '',
    receivedOn: officeDate(new Date(r.createdAt)),
    decidedOn: officeDate(new Date(r.answeredAt)),
    outcome: r.outcome,
    files: (r.releasedFiles ?? []).map(({ name, url, mime, ext, size }) => ({ name, url, mime, ext, size })),
  }));
}

export async function requestStatistics(strapi: Core.Strapi): Promise<MonthStatistics[]> {
  const rows = (await strapi.db
    .query(REQUESTS)
    .findMany({ select: ['createdAt', 'answeredAt', 'answeredInTime', 'outcome'] })) as Array<{
    createdAt: string;
    answeredAt: string | null;
    answeredInTime: boolean | null;
    outcome: string | null;
  }>;
  return monthlyStatistics(
    rows.map<CountedRequest>((r) => ({
      createdAt: new Date(r.createdAt),
      answeredAt: r.answeredAt ? new Date(r.answeredAt) : null,
      answeredInTime: r.answeredInTime,
      outcome: r.outcome,
    })),
  );
}

/** The public's view of the requests, for the site's build: the disclosure log and the monthly statistics. */
export function registerOpenDataRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'content-api',
    prefix: '/newsroom',
    routes: [
      {
        method: 'GET',
        path: '/disclosure-log',
        handler: async (ctx: { body: unknown }) => void (ctx.body = { data: await disclosureLog(strapi) }),
        config: { auth: false },
      },
      {
        method: 'GET',
        path: '/request-statistics',
        handler: async (ctx: { body: unknown }) => void (ctx.body = { data: await requestStatistics(strapi) }),
        config: { auth: false },
      },
    ],
  } as never);
}
