import type { MouseEvent } from 'react';
import { useQueryParams } from '@strapi/strapi/admin';
import { Flex, Menu, Typography, useCollator } from '@strapi/design-system';
import { stringify } from 'qs';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
// The translation plugin's own query of the locales (and its cache), under a name only ../vite.config.ts resolves.
import { useGetLocalesQuery } from 'strapi-i18n:locales';

interface Props {
  locale: string;
  localizations?: Array<{ locale: string }>;
  documentId: string;
}

/**
 * The list view's "Available in" cell, as the translation plugin draws it, with the default
 * language marked in the editor's language: the plugin writes "(default)" in English after
 * its name. Stands in for the plugin's LocaleListCell where its list-view hook imports it.
 */
export const LocaleListCell = ({ locale: current, localizations, documentId }: Props) => {
  const intl = useIntl();
  const language = intl.locale;
  const { data: locales = [] } = useGetLocalesQuery();
  const navigate = useNavigate();
  const [{ query }] = useQueryParams<{ plugins?: Record<string, unknown> }>();
  const collator = useCollator(language, { sensitivity: 'base' });
  if (!Array.isArray(locales) || !localizations) return null;
  const present = new Set([current, ...localizations.map((localization) => localization.locale)]);
  const named = locales
    .filter((locale) => present.has(locale.code))
    .map(({ code, name, isDefault }) => ({
      code,
      name: isDefault
        ? `${name} (${intl.formatMessage({ id: 'i18n.Settings.locales.default', defaultMessage: 'Default' }).toLocaleLowerCase(language)})`
        : name,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const shown = named
    .slice(0, 2)
    .map(({ name }) => name)
    .join(', ');
  const text =
    named.length <= 2
      ? shown
      : intl.formatMessage(
          { id: 'i18n.CMListView.popover.display-locales.more', defaultMessage: '{locales} + {count} more' },
          { locales: shown, count: named.length - 2 },
        );
  const open = (code: string) => (event: MouseEvent) => {
    event.stopPropagation();
    navigate({ pathname: documentId, search: stringify({ plugins: { ...query.plugins, i18n: { locale: code } } }) });
  };
  return (
    <Menu.Root>
      <Menu.Trigger>
        <Flex minWidth="100%" alignItems="center" justifyContent="center" fontWeight="regular">
          <Typography textColor="neutral800" ellipsis marginRight={2}>
            {text}
          </Typography>
        </Flex>
      </Menu.Trigger>
      <Menu.Content>
        {named.map(({ code, name }) => (
          <Menu.Item key={code} onClick={open(code)}>
            <Typography textColor="neutral800" fontWeight="regular">
              {name}
            </Typography>
          </Menu.Item>
        ))}
      </Menu.Content>
    </Menu.Root>
  );
};
