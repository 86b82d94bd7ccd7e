import { formPath, thanksPath, type FormKind, type Locale } from '@newsroom/shared-types';
import { escapeHtml } from '../mail/templates';
import { catalog, type Messages } from '../i18n/catalog';
import type { FieldErrors } from './fields';
import en from './messages/en.json';
import sq from './messages/sq.json';
import srLatn from './messages/sr-Latn.json';

export const MESSAGES: Messages = { sq, 'sr-Latn': srLatn, en };
export const t = catalog(MESSAGES);

type Ctx = {
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
  redirect(url: string): void;
  accepts(...types: string[]): string | false;
};

/**
 * How the intake answers, in the form's language: a script asking for JSON gets JSON; a
 * plain form post gets a 303 to the site's thank-you page with the reference, or a page
 * listing what to correct. Nothing the sender wrote is put into the page unescaped.
 */
export function answerer(ctx: Ctx, kind: FormKind, locale: Locale, siteUrl: string) {
  const json = ctx.accepts('html', 'json') === 'json';
  const page = (status: number, title: string, items: string[]) => {
    ctx.status = status;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(locale, 'page.errorsIntro'))}</p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul><p><a href="${escapeHtml(`${siteUrl}${formPath(kind, locale)}`)}">${escapeHtml(t(locale, 'page.back'))}</a></p></main></body></html>`;
  };
  return {
    accepted(reference: string, created: boolean) {
      if (json) {
        ctx.status = created ? 201 : 200;
        ctx.body = { reference };
        return;
      }
      ctx.status = 303;
      ctx.redirect(`${siteUrl}${thanksPath(kind, locale)}?ref=${encodeURIComponent(reference)}`);
    },
    invalid(errors: FieldErrors) {
      const messages = Object.fromEntries(
        Object.entries(errors).map(([field, e]) => [field, t(locale, e.key, e.values)]),
      );
      if (json) {
        ctx.status = 400;
        ctx.body = { errors: messages };
        return;
      }
      page(
        400,
        t(locale, 'page.errorsTitle'),
        Object.entries(messages).map(
          ([field, message]) => `<strong>${escapeHtml(label(locale, field))}</strong>: ${escapeHtml(message)}`,
        ),
      );
    },
    tooMany(seconds: number) {
      ctx.set('Retry-After', String(seconds));
      const message = t(locale, 'error.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
      if (json) {
        ctx.status = 429;
        ctx.body = { error: message };
        return;
      }
      page(429, t(locale, 'page.errorsTitle'), [escapeHtml(message)]);
    },
  };
}

const label = (locale: Locale, field: string) =>
  `field.${field}` in MESSAGES[locale] ? t(locale, `field.${field}`) : t(locale, 'field.form');
