import { localeInfo, type Locale } from '@newsroom/shared-types';
import { escapeHtml } from '../mail/templates';
import { t } from './texts';

type Ctx = { status: number; type: string; body: unknown };

/**
 * The few pages the alerts answer with themselves (check your mail, confirm, unsubscribe,
 * manage), in the subscriber's language. `body` is markup this module's callers build from
 * escaped text only.
 */
export function answerPage(ctx: Ctx, locale: Locale, status: number, title: string, body: string, siteUrl: string) {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  const home = `${siteUrl}/${localeInfo(locale).prefix}/`;
  ctx.body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="${escapeHtml(home)}">${escapeHtml(t(locale, 'page.back'))}</a></p></main></body></html>`;
}

export const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** A one-button form that posts back to where it is, so a link opened by a mail scanner changes nothing. */
export const buttonForm = (action: string, label: string, fields: Record<string, string> = {}) =>
  `<form method="post" action="${escapeHtml(action)}">${Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('')}<button type="submit">${escapeHtml(label)}</button></form>`;
