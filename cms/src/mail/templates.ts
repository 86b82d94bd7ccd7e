import { OFFICE_TIME_ZONE, type Locale } from '@newsroom/shared-types';
import { catalog, type Messages } from '../i18n/catalog';
import en from './messages/en.json';
import sq from './messages/sq.json';
import srLatn from './messages/sr-Latn.json';

/** The office's mail in every language, one JSON file each (a unit test finds a missing key). */
export const MESSAGES: Messages = { sq, 'sr-Latn': srLatn, en };

export const translate = catalog(MESSAGES);

const DATE_LOCALE: Record<Locale, string> = { sq: 'sq', 'sr-Latn': 'sr-Latn', en: 'en-GB' };

/** "7 December 2026" in the reader's language and the office's calendar. */
export const formatDate = (locale: Locale, date: Date) =>
  new Intl.DateTimeFormat(DATE_LOCALE[locale], { timeZone: OFFICE_TIME_ZONE, dateStyle: 'long' }).format(date);

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A Serbian date ends in a period ("1. decembar 2026."); at the end of a sentence that period
 * is the sentence's, not a second one after it.
 */
const oneFinalPeriod = (text: string) => text.replace(/(\d)\.\.(?!\.)/g, '$1.');

/** A message's text, and the same as HTML: paragraphs of escaped text, nothing the sender wrote is markup. */
export function render(locale: Locale, subjectKey: string, bodyKey: string, values: Record<string, string>) {
  const text = oneFinalPeriod(`${translate(locale, bodyKey, values)}\n\n${translate(locale, 'signature')}`);
  return { subject: oneFinalPeriod(translate(locale, subjectKey, values)), text, html: htmlOf(locale, text) };
}

/** Plain text as HTML: paragraphs of escaped text, line breaks kept; nothing in it becomes markup. */
export function htmlOf(locale: Locale, text: string): string {
  return `<!doctype html><html lang="${locale}"><body>${text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')}</body></html>`;
}
