import type { Core } from '@strapi/strapi';
import type { FormKind } from '@newsroom/shared-types';
import { assign, deskDetail, deskList, isKind, KINDS, takeStep, uidOf, type DeskFilters } from './desk';
import { ACTIONS, isAction, type StepInput } from './process';
import { attachmentsOf, readAttachment } from './attachments';
import { officers } from './officers';

interface AdminCtx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user: { email: string }; userAbility: unknown };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
  type: string;
}

type Checker = {
  cannot: Record<'read' | 'update', () => boolean>;
  sanitizeOutput(data: unknown): Promise<Record<string, unknown>>;
};
const checkerFor = (strapi: Core.Strapi, ctx: AdminCtx, kind: FormKind): Checker =>
  strapi
    .plugin('content-manager')
    .service<{ create(o: unknown): Checker }>('permission-checker')
    .create({
      userAbility: ctx.state.userAbility,
      model: uidOf(kind),
    });

const one = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The requests desk's JSON. Whoever may read a kind in the content manager sees it here,
 * with the fields their role may read (the content manager's own permission checker);
 * whoever may update it takes its steps. Everything else gets a 403.
 */
export function registerRequestRoutes(strapi: Core.Strapi) {
  const withKind =
    (need: 'read' | 'update', handler: (ctx: AdminCtx, kind: FormKind, checker: Checker) => Promise<void>) =>
    async (ctx: AdminCtx) => {
      const kind = ctx.params.kind;
      if (!isKind(kind)) return void ((ctx.status = 404), (ctx.body = { error: 'not-found' }));
      const checker = checkerFor(strapi, ctx, kind);
      if (checker.cannot[need]()) return void ((ctx.status = 403), (ctx.body = { error: 'forbidden' }));
      await handler(ctx, kind, checker);
    };
  const shown = async (checker: Checker, row: { entry: Record<string, unknown> } & Record<string, unknown>) => ({
    ...row,
    entry: await checker.sanitizeOutput(row.entry),
  });

  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom/requests',
    routes: [
      {
        method: 'GET',
        path: '/',
        handler: async (ctx: AdminCtx) => {
          const readable = KINDS.filter((kind) => !checkerFor(strapi, ctx, kind).cannot.read());
          const filters: DeskFilters = {
            kind: isKind(ctx.query.kind) ? ctx.query.kind : undefined,
            status: one(ctx.query.status),
            assignee: one(ctx.query.assignee),
            clock: one(ctx.query.clock) as DeskFilters['clock'],
          };
          const rows = await deskList(strapi, readable, filters);
          const checkers = new Map(readable.map((kind) => [kind, checkerFor(strapi, ctx, kind)] as const));
          ctx.body = {
            kinds: readable,
            officers: await officers(strapi),
            rows: await Promise.all(rows.map((row) => shown(checkers.get(row.kind), row))),
          };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/:kind/:documentId',
        handler: withKind('read', async (ctx, kind, checker) => {
          const detail = await deskDetail(strapi, kind, ctx.params.documentId);
          if (!detail) return void ((ctx.status = 404), (ctx.body = { error: 'not-found' }));
          const needs = Object.fromEntries(detail.actions.map((action) => [action, ACTIONS[action].needs]));
          ctx.body = {
            ...(await shown(checker, detail)),
            needs,
            attachments: await attachmentsOf(strapi.db.connection, ctx.params.documentId),
            canUpdate: !checker.cannot.update(),
          };
        }),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/:kind/:documentId/steps',
        handler: withKind('update', async (ctx, kind) => {
          const body = (ctx.request.body ?? {}) as StepInput & { action?: unknown };
          if (!isAction(body.action))
            return void ((ctx.status = 400), (ctx.body = { problems: { action: 'required' } }));
          const outcome = await takeStep(strapi, kind, ctx.params.documentId, body.action, body, ctx.state.user.email);
          if ('problems' in outcome)
            return void ((ctx.status = outcome.status), (ctx.body = { problems: outcome.problems }));
          ctx.body = { status: outcome.status };
        }),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/:kind/:documentId/assignee',
        handler: withKind('update', async (ctx, kind) => {
          const wanted = one((ctx.request.body as { assignee?: unknown } | undefined)?.assignee) ?? null;
          if (wanted && !(await officers(strapi)).some((o) => o.email === wanted))
            return void ((ctx.status = 400), (ctx.body = { problems: { assignee: 'not-an-officer' } }));
          const done = await assign(strapi, kind, ctx.params.documentId, wanted, ctx.state.user.email);
          ctx.status = done ? 200 : 404;
          ctx.body = done ? { assignee: wanted } : { error: 'not-found' };
        }),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/:kind/:documentId/attachments/:id',
        handler: withKind('read', async (ctx) => {
          const file = await readAttachment(strapi.db.connection, ctx.params.documentId, Number(ctx.params.id));
          if (!file) return void ((ctx.status = 404), (ctx.body = { error: 'not-found' }));
          ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
          ctx.set('X-Content-Type-Options', 'nosniff');
          ctx.type = 'application/octet-stream';
          ctx.body = file.stream;
        }),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
