import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, DEFAULT_LOCALE, FORMS, LOCALE_CODES, type FormKind, type Locale } from '@newsroom/shared-types';
import { enqueue } from '../mail/outbox';
import type { Transaction } from '../cluster/tables';
import { formatDate, render, translate } from '../mail/templates';
import { clockState, complaintUntil, endOfOfficeDay, officeDate, type ClockState } from './deadlines';
import { historyOf, record } from './history';
import { actionsFor, CLOSED, step, type Action, type Case, type StepInput } from './process';
import { syncMediaList } from '../accreditation/media-list';

export const KINDS = Object.keys(FORMS) as FormKind[];
export const isKind = (value: unknown): value is FormKind =>
  typeof value === 'string' && (KINDS as string[]).includes(value);
export const uidOf = (kind: FormKind) => CONTENT_TYPES[kind].uid;

export type Entry = Record<string, unknown> & {
  id: number;
  documentId: string;
  reference: string;
  status: string;
  createdAt: string | Date;
};

/** The instant a submission is due: set by its steps, or the end of its due day for one from before they were. */
export const dueAtOf = (entry: Entry) =>
  entry.dueAt ? new Date(entry.dueAt as string) : endOfOfficeDay(entry.dueDate as string);

export function caseOf(kind: FormKind, entry: Entry): Case {
  return {
    kind,
    status: entry.status,
    registeredAt: new Date(entry.createdAt),
    dueAt: dueAtOf(entry),
    urgent: entry.urgent as boolean | null,
    clarifiedAt: entry.clarifiedAt ? new Date(entry.clarifiedAt as string) : null,
    extensionDays: entry.extensionDays as number | null,
  };
}

/** The desk's view of one submission: its clock, and what the officer may do next. */
export function deskRow(kind: FormKind, entry: Entry, now: Date) {
  const current = caseOf(kind, entry);
  const answeredAt = entry.answeredAt ? new Date(entry.answeredAt as string) : null;
  const clock: ClockState =
    entry.status === 'clarification-requested'
      ? 'running'
      : clockState(current.dueAt, now, CLOSED.includes(entry.status) ? (answeredAt ?? now) : null);
  return { kind, entry, dueAt: current.dueAt.toISOString(), clock, actions: actionsFor(current, now) };
}

export type StepOutcome =
  { ok: true; status: string } | { ok: false; status: 404 | 409 | 400; problems: Record<string, string> };

/**
 * Takes one step of the legal process: the request's new state, its history row (who, when,
 * why) and the letter to the requester in their language go in one transaction, so a step
 * is never recorded without its letter or sent without its record.
 */
export async function takeStep(
  strapi: Core.Strapi,
  kind: FormKind,
  documentId: string,
  action: Action,
  input: StepInput,
  actor: string,
  now = new Date(),
): Promise<StepOutcome> {
  const uid = uidOf(kind);
  const entry = (await strapi.db.query(uid).findOne({ where: { documentId } })) as Entry | null;
  if (!entry || entry.erasedAt) return { ok: false, status: 404, problems: { request: 'not-found' } };
  const result = step(action, caseOf(kind, entry), input, now);
  if ('problems' in result) return { ok: false, status: result.problems.action ? 409 : 400, problems: result.problems };
  const changes = {
    ...result.changes,
    ...(result.changes.dueAt ? { dueDate: officeDate(result.changes.dueAt as Date) } : {}),
  };
  const reason =
    [input.reason, input.referredTo, input.answer].find((t) => typeof t === 'string' && t.trim() !== '') ?? null;
  await applyStep(strapi, kind, entry, { action, changes, letter: result.letter, reason, actor }, now);
  return { ok: true, status: result.status };
}

/**
 * Writes a step (an officer's, or one the office's own jobs take, like an accreditation
 * lapsing): the new fields, its history row and its letter in one transaction.
 */
export async function applyStep(
  strapi: Core.Strapi,
  kind: FormKind,
  entry: Entry,
  step: {
    action: string;
    changes: Record<string, unknown>;
    letter: string | null;
    reason: string | null;
    actor: string;
  },
  now: Date,
) {
  const uid = uidOf(kind);
  const after = { ...entry, ...step.changes };
  await strapi.db.transaction(async ({ trx }: { trx: Transaction }) => {
    await strapi.db.query(uid).update({ where: { id: entry.id }, data: step.changes as never });
    const eventId = await record(strapi.db.connection, trx, {
      uid,
      documentId: entry.documentId,
      reference: entry.reference,
      action: step.action,
      from: entry.status,
      to: String(after.status),
      actor: step.actor,
      reason: step.reason,
      at: now,
    });
    if (step.letter && entry.email) await enqueue(strapi, [letter(step.letter, after, eventId, now)], trx);
    if (kind === 'accreditation')
      await syncMediaList(strapi, trx, typeof entry.email === 'string' ? entry.email : '', now);
  });
  // The disclosure log and the statistics on the site follow the request: the builder hears of it as of any update (without its data, site-sync/deliveries.ts).
  await strapi.eventHub.emit('entry.update', {
    model: uid.split('.')[1],
    uid,
    entry: { documentId: entry.documentId },
  });
}

/** A letter of the process, from the office's templates in the requester's language. */
function letter(name: string, entry: Entry, eventId: number, now: Date) {
  const locale: Locale = (LOCALE_CODES as readonly string[]).includes(entry.language as string)
    ? (entry.language as Locale)
    : DEFAULT_LOCALE;
  const text = (key: string) => (typeof entry[key] === 'string' ? entry[key] : '');
  const values = {
    name: text('name'),
    reference: entry.reference,
    answer: text('answer'),
    reason: text('reason'),
    legalGround: text('legalGround'),
    referredTo: text('referredTo'),
    extensionDays: typeof entry.extensionDays === 'number' ? String(entry.extensionDays) : '',
    dueDate: formatDate(locale, dueAtOf(entry)),
    complaintUntil: formatDate(locale, complaintUntil(now)),
    grantedType:
      typeof entry.grantedType === 'string' ? translate(locale, `accreditationType.${entry.grantedType}`) : '',
    validUntil:
      typeof entry.validUntil === 'string' ? formatDate(locale, new Date(`${entry.validUntil}T12:00:00Z`)) : '',
  };
  return {
    key: `${entry.reference}:${name}:${eventId}`,
    to: entry.email as string,
    ...render(locale, `letter.${name}.subject`, `letter.${name}.body`, values),
  };
}

/** Gives a submission to an officer (or back to nobody), recorded in its history. */
export async function assign(
  strapi: Core.Strapi,
  kind: FormKind,
  documentId: string,
  assignee: string | null,
  actor: string,
  now = new Date(),
): Promise<boolean> {
  const uid = uidOf(kind);
  const entry = (await strapi.db.query(uid).findOne({ where: { documentId } })) as Entry | null;
  if (!entry || entry.erasedAt) return false;
  await strapi.db.transaction(async ({ trx }: { trx: Transaction }) => {
    await strapi.db.query(uid).update({ where: { id: entry.id }, data: { assignee } as never });
    await record(strapi.db.connection, trx, {
      uid,
      documentId,
      reference: entry.reference,
      action: 'assign',
      from: entry.status,
      to: entry.status,
      actor,
      reason: assignee,
      at: now,
    });
  });
  return true;
}

/** How many answered submissions of each kind the desk lists (filters narrow them further). */
const ANSWERED_SHOWN = 300;

export interface DeskFilters {
  kind?: FormKind;
  status?: string;
  assignee?: string;
  clock?: ClockState;
}

/** The submissions of the kinds given, newest first, with their clocks, filtered as the desk asks. */
export async function deskList(strapi: Core.Strapi, kinds: FormKind[], filters: DeskFilters, now = new Date()) {
  const rows: Array<ReturnType<typeof deskRow>> = [];
  for (const kind of kinds.filter((k) => !filters.kind || k === filters.kind)) {
    const where: Record<string, unknown> = { erasedAt: { $null: true } };
    if (filters.status) where.status = filters.status;
    if (filters.assignee) where.assignee = filters.assignee === '-' ? { $null: true } : filters.assignee;
    // Every open submission, however old (an old overdue one matters most), and the latest answered ones.
    const query = (extra: object, limit?: number) =>
      strapi.db
        .query(CONTENT_TYPES[kind].uid)
        .findMany({ where: { $and: [where, extra] }, orderBy: { createdAt: 'desc' }, limit }) as Promise<Entry[]>;
    const entries = [
      ...(await query({ status: { $notIn: CLOSED } })),
      ...(await query({ status: { $in: CLOSED } }, ANSWERED_SHOWN)),
    ];
    rows.push(...entries.map((e) => deskRow(kind, e, now)).filter((r) => !filters.clock || r.clock === filters.clock));
  }
  return rows.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

export async function deskDetail(strapi: Core.Strapi, kind: FormKind, documentId: string, now = new Date()) {
  const entry = (await strapi.db.query(uidOf(kind)).findOne({ where: { documentId } })) as Entry | null;
  if (!entry) return null;
  return { ...deskRow(kind, entry, now), history: await historyOf(strapi.db.connection, documentId) };
}
