import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, type AccreditedOutlets } from '@newsroom/shared-types';
import { loadEnv } from '../env';
import { officeDate } from '../requests/deadlines';

/**
 * The outlets accredited today, for the site's public list: each outlet once, never a
 * person's name or role. Empty unless the office publishes the list (ACCREDITED_OUTLETS_PUBLIC).
 */
export async function accreditedOutlets(strapi: Core.Strapi, now = new Date()): Promise<AccreditedOutlets> {
  if (!loadEnv().ACCREDITED_OUTLETS_PUBLIC) return { published: false, outlets: [] };
  const rows = (await strapi.db.query(CONTENT_TYPES.accreditation.uid).findMany({
    where: { status: 'approved', validUntil: { $gte: officeDate(now) }, erasedAt: null },
    select: ['outlet'],
    orderBy: { id: 'asc' },
  })) as Array<{ outlet: string }>;
  const byName = new Map<string, string>();
  for (const { outlet } of rows) {
    const name = outlet.trim().replace(/\s+/g, ' ');
    if (name) byName.set(name.toLocaleLowerCase('en'), byName.get(name.toLocaleLowerCase('en')) ?? name);
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return { published: true, outlets: [...byName.values()].sort(collator.compare) };
}

export function registerOutletRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'content-api',
    prefix: '/newsroom',
    routes: [
      {
        method: 'GET',
        path: '/accredited-outlets',
        handler: async (ctx: { body: unknown }) => void (ctx.body = { data: await accreditedOutlets(strapi) }),
        config: { auth: false },
      },
    ],
  } as never);
}
