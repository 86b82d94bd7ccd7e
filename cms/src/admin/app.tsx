import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, Mail } from '@strapi/icons';

/** Whoever may read one of the public's submissions sees the requests desk. */
const SUBMISSIONS = ['api::document-request.document-request', 'api::media-inquiry.media-inquiry', 'api::office-message.office-message'];

/**
 * The office's additions to Strapi's admin: the editorial desk (schedules in office time,
 * overdue items, embargoes, translations to do) and the requests desk (the public's
 * submissions with their legal clocks and steps).
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
    app.addMenuLink({
      to: 'requests-desk',
      icon: Mail,
      intlLabel: { id: 'newsroom.requests-desk', defaultMessage: 'Requests desk' },
      Component: () => import('./requests/RequestsDesk'),
      permissions: SUBMISSIONS.map((subject) => ({ action: 'plugin::content-manager.explorer.read', subject })),
      position: 3,
    });
  },
  bootstrap() {},
};
