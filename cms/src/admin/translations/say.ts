import { useIntl } from 'react-intl';
import en from './en.json';

export type MessageId = keyof typeof en;

/**
 * Our admin pages' words in the admin's language: `say(id, values)`, with the English of
 * translations/en.json where a translation lacks a key (a unit test says none does).
 */
export function useSay() {
  const intl = useIntl();
  return (id: MessageId, values?: Record<string, string | number>) =>
    intl.formatMessage({ id, defaultMessage: en[id] }, values);
}
