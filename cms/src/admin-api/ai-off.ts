import type { Core } from '@strapi/strapi';

type Context = { method: string; path: string; body: unknown };

/**
 * Strapi's admin asks for its AI features on every edit view, and the server answers 404
 * while they are off (always, without an Enterprise licence): two failed requests, logged
 * in the console of every editor's browser. While AI is off this answers what Strapi says
 * of it then: nothing is configured and no translation job runs.
 */
export function aiOff(strapi: Core.Strapi) {
  const enabled = () =>
    (strapi as unknown as { ai?: { admin?: { isEnabled(): boolean } } }).ai?.admin?.isEnabled() === true;
  return async (ctx: Context, next: () => Promise<void>) => {
    if (ctx.method === 'GET' && !enabled()) {
      if (ctx.path === '/admin/ai-feature-config')
        return void (ctx.body = { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } });
      if (ctx.path.startsWith('/i18n/ai-localization-jobs/')) return void (ctx.body = { data: null });
    }
    await next();
  };
}
