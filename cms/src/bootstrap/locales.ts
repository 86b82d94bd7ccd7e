import type { Core } from '@strapi/strapi';
import { LOCALES, DEFAULT_LOCALE, type LocaleInfo } from '@newsroom/shared-types';

interface LocalesService {
  find(): Promise<Array<{ code: string; isDefault?: boolean }>>;
  findByCode(code: string): Promise<{ code: string; name: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  update(where: { code: string }, changes: { name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
}

/**
 * How the admin names a language in its locale picker: in that language, as a language
 * picker does, so that it reads the same to an editor in any of the admin's languages.
 */
export const adminLocaleName = (locale: LocaleInfo) => `${locale.name} (${locale.code})`;

/** The official languages exist under their own names, Albanian is the default; safe to run on every start. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service<LocalesService>('locales');
  for (const locale of LOCALES) {
    const existing = await service.findByCode(locale.code);
    if (!existing) await service.create({ code: locale.code, name: adminLocaleName(locale) });
    else if (existing.name !== adminLocaleName(locale))
      await service.update({ code: locale.code }, { name: adminLocaleName(locale) });
  }
  if ((await service.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await service.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
