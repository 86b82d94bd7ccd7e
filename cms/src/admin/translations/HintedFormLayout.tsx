import { memo, useMemo, type ComponentProps } from 'react';
import { useIntl } from 'react-intl';
// The content manager's own layout, under a name only ../vite.config.ts resolves.
import { FormLayout as StrapiFormLayout } from 'strapi-content-manager:FormLayout';
import en from './en.json';

/** Our hints as the bootstrap writes them (in English), to their ids. */
const HINT_IDS = new Map(
  Object.entries(en)
    .filter(([id]) => id.startsWith('newsroom.hint.'))
    .map(([id, text]) => [text, id]),
);

type Props = ComponentProps<typeof StrapiFormLayout>;
type Field = Props['layout'][number][number][number];

/**
 * The edit view's form, with our hints in the editor's language. Strapi keeps a hint as one
 * string in the view's configuration and shows it as written; this stands in for the content
 * manager's FormLayout where the edit view and the preview use it (see ../vite.config.ts) and
 * swaps each hint the bootstrap wrote for its translation before the form is drawn. A hint an
 * administrator wrote in "Configure the view" is not one of ours and shows as written.
 */
export const FormLayout = memo((props: Props) => {
  const intl = useIntl();
  const layout = useMemo(() => {
    const translated = (field: Field): Field => {
      const id = typeof field.hint === 'string' ? HINT_IDS.get(field.hint) : undefined;
      return id ? { ...field, hint: intl.formatMessage({ id, defaultMessage: field.hint }) } : field;
    };
    return props.layout.map((panel) => panel.map((row) => row.map(translated)));
    // The messages change with the locale.
  }, [props.layout, intl]);
  return <StrapiFormLayout {...props} layout={layout} />;
});
