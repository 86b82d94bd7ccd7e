import { createRequire } from 'node:module';
import path from 'node:path';
import { mergeConfig, type UserConfig } from 'vite';

/**
 * Three of Strapi's admin modules are replaced by ours, in translations/:
 * - its list of interface languages, which names neither Albanian nor Serbian, so the login
 *   page and the profile could not offer them (native-names.ts);
 * - its LanguageProvider, which logs a console error for each word without a translation
 *   (LanguageProvider.tsx);
 * - the content manager's FormLayout where the edit view and the preview import it (no other
 *   module spells its path so), which shows a field's hint as written, by one that shows our
 *   hints in the editor's language (HintedFormLayout.tsx).
 */
const contentManager = path.dirname(createRequire(__filename).resolve('@strapi/content-manager/package.json'));

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
          replacement: path.join(contentManager, 'dist/admin/pages/EditView/components/FormLayout.mjs'),
        },
      ],
    },
  });
