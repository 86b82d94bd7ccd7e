import type { Core } from '@strapi/strapi';
import type { Env } from '../env';

interface AdminUserService {
  exists(where?: Record<string, unknown>): Promise<boolean>;
  createFirstAdmin(user: { email: string; password: string; firstname: string; lastname: string }): Promise<unknown>;
}

/** For local runs: the first super admin, when none exists yet and the login is configured. */
export async function ensureAdmin(
  strapi: Core.Strapi,
  env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>,
): Promise<boolean> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return false;
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  if (await users.exists()) return false;
  await users.createFirstAdmin({
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
    firstname: 'Newsroom',
    lastname: 'Editor',
  });
  strapi.log.info(`Created the super admin ${env.ADMIN_EMAIL}`);
  return true;
}
