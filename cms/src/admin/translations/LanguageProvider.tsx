import type { ReactNode } from 'react';
import { IntlProvider, type IntlConfig } from 'react-intl';
import { useSelector } from 'react-redux';

/**
 * Strapi's LanguageProvider (it stands in for it; see ../vite.config.ts) with one change:
 * a word without a translation shows in English without a console error for each of the
 * hundreds of Strapi's words the office's languages do not have, nor for number formats a
 * browser lacks for Albanian. Every other error of react-intl is still reported.
 */
const QUIET = new Set(['MISSING_TRANSLATION', 'MISSING_DATA']);
const onError: IntlConfig['onError'] = (error) => {
  if (!QUIET.has(error.code)) console.error(error);
};

type State = { admin_app: { language: { locale: string } } };

export function LanguageProvider({
  children,
  messages,
}: {
  children: ReactNode;
  messages: Record<string, Record<string, string>>;
}) {
  const locale = useSelector((state: State) => state.admin_app.language.locale);
  return (
    <IntlProvider
      locale={locale}
      defaultLocale="en"
      messages={{ ...messages.en, ...messages[locale] }}
      textComponent="span"
      onError={onError}
    >
      {children}
    </IntlProvider>
  );
}
