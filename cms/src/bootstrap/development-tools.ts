import type { Core } from '@strapi/strapi';

/**
 * What the admin offers only under `strapi develop`: the Content-Type Builder (the content
 * model lives in code and is read-only in a running CMS) and Strapi's Marketplace (a link
 * to an outside site). Elsewhere no role keeps the permission, so neither is in the menu;
 * Strapi gives the super admin every action again at each start, and this takes them away.
 */
export const DEVELOPMENT_ONLY_ACTIONS = ['plugin::content-type-builder.read', 'admin::marketplace.read'];

export async function withdrawDevelopmentTools(strapi: Core.Strapi) {
  if (strapi.config.get('autoReload')) return;
  await strapi.db.query('admin::permission').deleteMany({ where: { action: { $in: DEVELOPMENT_ONLY_ACTIONS } } });
}
