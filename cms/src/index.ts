import type { Core } from '@strapi/strapi';
import { loadEnv } from './env';
import { slugMiddleware } from './documents/slugs';
import { submissionMiddleware } from './documents/submissions';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/permissions';
import { ensureBuilderWebhook } from './bootstrap/webhook';
import { ensureAdmin } from './bootstrap/admin-user';
import { ensureDemoUsers } from './bootstrap/demo-users';
import { seedDemo } from './seed';
import { ensureRoles } from './bootstrap/roles';
import { withdrawDevelopmentTools } from './bootstrap/development-tools';
import { ensureEditViews } from './editorial/edit-view';
import { publicationMiddleware } from './editorial/publication';
import { publicReadsMiddleware } from './public-api/public-reads';
import { registerEditorialRoutes } from './editorial/routes';
import { registerListingRoutes } from './listing/routes';
import { watchDeliveries } from './site-sync/deliveries';
import { startMailWorker, stopMailWorker } from './mail/worker';
import { ensureOutbox } from './mail/outbox';
import { registerIntakeRoutes } from './intake/routes';
import { ensureIntakeTables } from './intake/guard';
import { registerRequestRoutes } from './requests/routes';
import { registerOpenDataRoutes } from './requests/open-data';
import { ensureHistory } from './requests/history';
import { ensureAttachments } from './requests/attachments';
import { aiOff } from './admin-api/ai-off';
import { registerAlertRoutes } from './alerts/routes';
import { registerOutletRoutes } from './accreditation/outlets';
import { ensureAlertTables } from './alerts/tables';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(slugMiddleware(strapi) as never);
    strapi.documents.use(submissionMiddleware(strapi) as never);
    strapi.documents.use(publicationMiddleware(strapi) as never);
    strapi.documents.use(publicReadsMiddleware(strapi) as never);
    registerEditorialRoutes(strapi);
    registerListingRoutes(strapi);
    registerIntakeRoutes(strapi);
    registerRequestRoutes(strapi);
    registerOpenDataRoutes(strapi);
    registerAlertRoutes(strapi);
    registerOutletRoutes(strapi);
    strapi.server.use(aiOff(strapi) as never);
  },

  /** Idempotent: every step makes the state right whatever it was, so it runs on every start. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = loadEnv();
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    watchDeliveries(strapi);
    await ensureOutbox(strapi);
    await ensureIntakeTables(strapi.db.connection);
    await ensureHistory(strapi.db.connection);
    await ensureAttachments(strapi.db.connection);
    await ensureAlertTables(strapi);
    startMailWorker(strapi, env);
    // The demo content goes in before the builder's webhook exists: the builder is not up yet on
    // a first start, and builds everything when it is, so hundreds of webhooks would only fail.
    if (env.SEED_DEMO) await seedDemo(strapi);
    await ensureBuilderWebhook(strapi, env);
    await ensureRoles(strapi);
    await withdrawDevelopmentTools(strapi);
    await ensureEditViews(strapi);
    await ensureAdmin(strapi, env);
    await ensureDemoUsers(strapi, env);
  },

  /** A message being sent is finished and marked before the process ends, so a restart sends nothing twice. */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopMailWorker(strapi);
  },
};
