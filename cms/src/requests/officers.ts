import type { Core } from '@strapi/strapi';
import { ROLES } from '../bootstrap/roles';

/** The roles whose members answer submissions, and so may be given one. */
const ANSWERING = [
  ROLES.requestsOfficer.code,
  ROLES.accreditationOfficer.code,
  ROLES.editor.code,
  'strapi-super-admin',
];

/** The active admin users a submission can be assigned to. */
export async function officers(strapi: Core.Strapi): Promise<Array<{ email: string; name: string }>> {
  const users = (await strapi.db
    .query('admin::user')
    .findMany({ where: { isActive: true, roles: { code: { $in: ANSWERING } } }, orderBy: { email: 'asc' } })) as Array<{
    email: string;
    firstname: string | null;
    lastname: string | null;
  }>;
  return users.map((u) => ({ email: u.email, name: [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email }));
}
