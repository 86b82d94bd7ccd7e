import path from 'node:path';
import { mergeConfig, type UserConfig } from 'vite';

/**
 * Two of Strapi's admin modules are replaced by ours, in translations/:
 * - its list of interface languages, which names neither Albanian nor Serbian, so the login
 *   page and the profile could not offer them (native-names.ts);
 * - its LanguageProvider, which logs a console error for each word without a translation
 *   (LanguageProvider.tsx).
 */
export default (config: UserConfig) =>
  mergeConfig(config, {
    resolve: {
      alias: [
        { find: /^\.\/translations\/languageNativeNames(\.mjs|\.js)?$/, replacement: path.join(__dirname, 'translations', 'native-names.ts') },
        { find: /^(\.\.\/)*(\.\/)?(components\/)?LanguageProvider\.mjs$/, replacement: path.join(__dirname, 'translations', 'LanguageProvider.tsx') },
      ],
    },
  });
