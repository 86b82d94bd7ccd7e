import type { Core } from '@strapi/strapi';
import { LOCALES, DEFAULT_LOCALE } from '@newsroom/shared-types';

interface LocalesService {
  find(): Promise<Array<{ code: string; isDefault?: boolean }>>;
  findByCode(code: string): Promise<{ code: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
}

/** The official languages exist, Albanian is the default; safe to run on every start. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales') as LocalesService;
  for (const locale of LOCALES) {
    if (!(await service.findByCode(locale.code))) {
      await service.create({ code: locale.code, name: locale.englishName });
    }
  }
  if ((await service.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await service.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
