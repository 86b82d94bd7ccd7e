import { createRequire } from 'node:module';
import path from 'node:path';
import { mergeConfig, type UserConfig } from 'vite';

/**
 * Four of Strapi's admin modules are replaced by ours, in translations/:
 * - its list of interface languages, which names neither Albanian nor Serbian, so the login
 *   page and the profile could not offer them (native-names.ts);
 * - its LanguageProvider, which logs a console error for each word without a translation
 *   (LanguageProvider.tsx);
 * - the content manager's FormLayout where the edit view and the preview import it (no other
 *   module spells its path so), which shows a field's hint as written, by one that shows our
 *   hints in the editor's language (HintedFormLayout.tsx);
 * - the translation plugin's "Available in" cell where its list-view hook imports it, which
 *   marks the default language in English (LocaleListCell.tsx).
 */
const packageDir = (name: string) => path.dirname(createRequire(__filename).resolve(`${name}/package.json`));

export default (config: UserConfig) =>
  mergeConfig(config, {
    resolve: {
      alias: [
        {
          find: /^\.\/translations\/languageNativeNames(\.mjs|\.js)?$/,
          replacement: path.join(__dirname, 'translations', 'native-names.ts'),
        },
        {
          find: /^(\.\.\/)*(\.\/)?(components\/)?LanguageProvider\.mjs$/,
          replacement: path.join(__dirname, 'translations', 'LanguageProvider.tsx'),
        },
        {
          find: /^(\.\/components|\.\.\/\.\.\/pages\/EditView\/components)\/FormLayout\.mjs$/,
          replacement: path.join(__dirname, 'translations', 'HintedFormLayout.tsx'),
        },
        {
          find: /^strapi-content-manager:FormLayout$/,
          replacement: path.join(
            packageDir('@strapi/content-manager'),
            'dist/admin/pages/EditView/components/FormLayout.mjs',
          ),
        },
        {
          find: /^\.\.\/components\/LocaleListCell\.mjs$/,
          replacement: path.join(__dirname, 'translations', 'LocaleListCell.tsx'),
        },
        {
          find: /^strapi-i18n:locales$/,
          replacement: path.join(packageDir('@strapi/i18n'), 'dist/admin/services/locales.mjs'),
        },
      ],
    },
  });
