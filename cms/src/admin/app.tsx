import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock } from '@strapi/icons';

/**
 * The office's additions to Strapi's admin: the editorial desk (schedules in office time,
 * overdue items, embargoes, translations to do).
 */
export default {
  config: { locales: [] },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'editorial-desk',
      icon: Clock,
      intlLabel: { id: 'newsroom.editorial-desk', defaultMessage: 'Editorial desk' },
      Component: () => import('./editorial/EditorialDesk'),
      permissions: [],
      position: 2,
    });
  },
  bootstrap() {},
};
