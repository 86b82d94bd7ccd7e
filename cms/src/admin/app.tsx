import type { StrapiApp, WidgetArgs } from '@strapi/strapi/admin';
import { Clock, Mail } from '@strapi/icons';
import { TRANSLATIONS } from './translations';
import { ADMIN_LOCALES } from './translations/native-names';
import { completeIntlFormats } from './translations/intl-formats';

// Before the admin draws anything: Strapi formats its dates with the browser's Intl.
await completeIntlFormats();

/** Whoever may read one of the public's submissions sees the requests desk. */
const SUBMISSIONS = [
  'api::document-request.document-request',
  'api::media-inquiry.media-inquiry',
  'api::office-message.office-message',
];

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

/**
 * Strapi's banner announcing its new media library links to its blog: it starts dismissed.
 * Its stored key names the feature flag's state and the project's uuid (package.json).
 */
function dismissPromotions() {
  for (const legacy of [true, false]) {
    for (const scope of ['newsroom-cms', 'false', 'undefined'])
      window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`, 'true');
  }
}

export default {
  // No tutorials' videos and no release notices: a government server's admin does not call out.
  config: {
    locales: [...ADMIN_LOCALES],
    translations: TRANSLATIONS,
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    switchOffGuidedTour();
    dismissPromotions();
    app.addMenuLink({
      to: 'editorial-desk',
      icon: Clock,
      intlLabel: { id: 'newsroom.editorial-desk', defaultMessage: 'Editorial desk' },
      Component: () => import('./editorial/EditorialDesk'),
      permissions: [],
      position: 2,
    });
    // The home shows the desk's summary first, and no project statistics (counts of API tokens and webhooks).
    app.widgets.register((widgets: WidgetArgs[]) => [
      {
        id: 'editorial-desk',
        icon: Clock,
        title: { id: 'newsroom.home.title', defaultMessage: 'Editorial desk' },
        component: async () => (await import('./editorial/DeskSummary')).DeskSummary,
        link: { label: { id: 'newsroom.home.open', defaultMessage: 'Open the desk' }, href: '/editorial-desk' },
      },
      ...widgets.filter((widget) => widget.id !== 'key-statistics'),
    ]);
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
