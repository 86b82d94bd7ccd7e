import type { Core } from '@strapi/strapi';
import { DEMO_LOGINS } from '@newsroom/shared-types';
import type { Env } from '../env';
import { ROLES } from './roles';

/** On a demo installation, one login per office role (shared-types' DEMO_LOGINS), made once; an existing user is left as it is. */
export async function ensureDemoUsers(
  strapi: Core.Strapi,
  env: Pick<Env, 'SEED_DEMO' | 'ADMIN_PASSWORD'>,
): Promise<void> {
  if (!env.SEED_DEMO || !env.ADMIN_PASSWORD) return;
  const users = strapi.service('admin::user') as unknown as {
    exists(where: object): Promise<boolean>;
    create(user: object): Promise<unknown>;
  };
  const roles = strapi.service('admin::role') as unknown as { findOne(where: object): Promise<{ id: number } | null> };
  for (const login of DEMO_LOGINS) {
    if (await users.exists({ email: login.email })) continue;
    const role = await roles.findOne({ code: ROLES[login.role].code });
    if (!role) throw new Error(`The ${login.label} role is missing: ensureRoles must run first`);
    await users.create({
      email: login.email,
      firstname: 'Demo',
      lastname: login.label,
      password: env.ADMIN_PASSWORD,
      isActive: true,
      roles: [role.id],
    });
    strapi.log.info(`Created the demo ${login.label} ${login.email}`);
  }
}
