import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, Mail } from '@strapi/icons';

/** Whoever may read one of the public's submissions sees the requests desk. */
const SUBMISSIONS = ['api::document-request.document-request', 'api::media-inquiry.media-inquiry', 'api::office-message.office-message'];

/**
 * The office's additions to Strapi's admin: the editorial desk (schedules in office time,
 * overdue items, embargoes, translations to do) and the requests desk (the public's
 * submissions with their legal clocks and steps).
 */
/** Strapi's guided tour covers the content manager and blocked editors' clicks: it starts switched off (its own stored setting). */
const TOUR_KEY = 'STRAPI_GUIDED_TOUR';
function switchOffGuidedTour() {
  const stored = JSON.parse(window.localStorage.getItem(TOUR_KEY) ?? 'null') as { enabled?: boolean } | null;
  if (stored?.enabled !== false) window.localStorage.setItem(TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
}

export default {
  // No tutorials' videos and no release notices: a government server's admin does not call out.
  config: { locales: [], tutorials: false, notifications: { releases: false } },
  register(app: StrapiApp) {
    switchOffGuidedTour();
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
