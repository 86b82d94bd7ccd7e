import type { Core } from '@strapi/strapi';
import { PUBLIC_READ_UIDS } from '@newsroom/shared-types';

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

/** Exactly what the Public role may do: read the published content types. */
export const PUBLIC_ACTIONS: readonly string[] = PUBLIC_READ_UIDS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/**
 * Makes the Public role's permissions exactly PUBLIC_ACTIONS: adds what is missing and
 * removes everything else (Strapi's defaults let the public register users, for one).
 */
export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = (await strapi.db.query(ROLE).findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!role) throw new Error('The users-permissions Public role is missing; is the plugin installed?');
  const current = (await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] })) as Array<{ id: number; action: string }>;
  const have = new Set(current.map((p) => p.action));
  const extra = current.filter((p) => !PUBLIC_ACTIONS.includes(p.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  }
  for (const action of PUBLIC_ACTIONS.filter((a) => !have.has(a))) {
    await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }
}
