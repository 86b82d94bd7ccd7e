import type { Core } from '@strapi/strapi';
import {
  ATTACHMENT_MAX_BYTES,
  CONTENT_TYPES,
  DEFAULT_LOCALE,
  FORMS,
  INTAKE_PREFIX,
  type FormKind,
} from '@newsroom/shared-types';
import { loadEnv } from '../env';
import type { Transaction } from '../cluster/tables';
import { isLocale } from '../i18n/catalog';
import { answerer } from './answer';
import { validate } from './fields';
import { idempotencyKey, KEYS, knownReference, LIMITS, overLimit } from './guard';
import { attachmentProblem, keepAttachment, privateDir, type IncomingFile } from '../requests/attachments';
import fs from 'node:fs/promises';

/** A person takes longer than this to fill in a form; a script that posts at once is not one. */
export const MIN_FILL_MS = 3000;

type Ctx = Parameters<typeof answerer>[0] & {
  request: { body?: unknown; ip: string; files?: Record<string, IncomingFile | IncomingFile[]> };
};

/** The one file sent as `attachment` (an empty file input sends a nameless, empty part: no file), or why it cannot be taken. */
function attachmentOf(
  kind: FormKind,
  files: Ctx['request']['files'],
): { file?: IncomingFile; error?: { key: string; values: Record<string, string> } } {
  const given = [files?.attachment ?? []].flat().filter((f) => f.size > 0 || f.originalFilename);
  if (given.length === 0 && FORMS[kind].attachment === 'required')
    return { error: { key: 'error.fileRequired', values: {} } };
  if (given.length === 0 || !FORMS[kind].attachment) return {};
  if (given.length > 1) return { error: { key: 'error.oneFile', values: {} } };
  const problem = attachmentProblem(given[0]);
  return problem
    ? { error: { key: problem, values: { max: `${ATTACHMENT_MAX_BYTES / 1_000_000} MB` } } }
    : { file: given[0] };
}

/**
 * One endpoint per form (never the generic REST create): rate limits, a honeypot field and
 * a minimum fill time against bots, validation by field in the form's language, and the
 * submission stored, with its idempotency key and its acknowledgement mail, before the answer.
 */
function intake(strapi: Core.Strapi, kind: FormKind) {
  return async (ctx: Ctx) => {
    try {
      await take(ctx);
    } finally {
      // The parser's temporary copies: a kept attachment was copied to the private folder.
      const temporary = Object.values(ctx.request.files ?? {}).flat();
      await Promise.all(temporary.map((f) => fs.rm(f.filepath, { force: true })));
    }
  };

  async function take(ctx: Ctx) {
    const body = (typeof ctx.request.body === 'object' && ctx.request.body !== null ? ctx.request.body : {}) as Record<
      string,
      unknown
    >;
    const locale = isLocale(body.language) ? body.language : DEFAULT_LOCALE;
    const answer = answerer(ctx, kind, locale, loadEnv().SITE_URL);
    const knex = strapi.db.connection;
    const now = Date.now();

    const addressWait = await overLimit(knex, `address:${ctx.request.ip}`, LIMITS.perAddress, now);
    if (addressWait) return answer.tooMany(addressWait);
    if (typeof body.website === 'string' && body.website !== '')
      return answer.invalid({ form: { key: 'error.notAccepted', values: {} } });
    const started = Number(body.started);
    if (Number.isFinite(started) && started > 0 && now - started < MIN_FILL_MS)
      return answer.invalid({ form: { key: 'error.tooFast', values: {} } });

    const result = validate(kind, body);
    const attachment = attachmentOf(kind, ctx.request.files);
    if ('errors' in result || attachment.error)
      return answer.invalid({
        ...('errors' in result ? result.errors : {}),
        ...(attachment.error ? { attachment: attachment.error } : {}),
      });
    const key = idempotencyKey(kind, body.idempotencyKey, result.data);
    const known = await knownReference(knex, key, now);
    if (known) return answer.accepted(known, false);
    const emailWait = await overLimit(
      knex,
      `email:${typeof result.data.email === 'string' ? result.data.email.toLowerCase() : ''}`,
      LIMITS.perEmail,
      now,
    );
    if (emailWait) return answer.tooMany(emailWait);

    try {
      const reference = await strapi.db.transaction(async ({ trx }: { trx: Transaction }) => {
        const created = (await strapi
          .documents(CONTENT_TYPES[kind].uid as never)
          .create({ data: { ...result.data, language: locale } as never })) as unknown as {
          reference: string;
          documentId: string;
        };
        if (attachment.file) await keepAttachment(knex, trx, privateDir(), created.documentId, attachment.file);
        await knex(KEYS).transacting(trx).insert({ key, reference: created.reference, created_at: now });
        return created.reference;
      });
      return answer.accepted(reference, true);
    } catch (error) {
      // The same submission, stored a moment ago by a concurrent POST.
      const again = await knownReference(knex, key, now);
      if (again) return answer.accepted(again, false);
      throw error;
    }
  }
}

export function registerIntakeRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    prefix: INTAKE_PREFIX.replace(/\/$/, ''),
    routes: (Object.keys(FORMS) as FormKind[]).map((kind) => ({
      method: 'POST',
      path: FORMS[kind].intakePath.slice(INTAKE_PREFIX.length - 1),
      handler: intake(strapi, kind),
      config: { auth: false },
    })),
  } as never);
}
