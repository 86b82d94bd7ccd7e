import { ensureTable, type Connection as Knex, type Transaction } from '../cluster/tables';

/**
 * Every step of every request, with who took it, when and why: the record the office shows
 * the Agency on a complaint. Its own table, so no content API can ever list it.
 */
export const EVENTS = 'newsroom_request_events';

export interface RequestEvent {
  uid: string;
  documentId: string;
  reference: string;
  action: string;
  from: string;
  to: string;
  actor: string;
  reason: string | null;
  at: Date;
}

export function ensureHistory(knex: Knex): Promise<void> {
  return ensureTable(knex, EVENTS, (t) => {
    t.increments('id');
    t.string('uid', 100).notNullable();
    t.string('document_id', 64).notNullable().index();
    t.string('reference', 40).notNullable();
    t.string('action', 40).notNullable();
    t.string('from_state', 40).notNullable();
    t.string('to_state', 40).notNullable();
    t.string('actor', 254).notNullable();
    t.text('reason');
    t.bigInteger('at').notNullable();
  });
}

/** Records a step inside the transaction that took it; returns its id (the key of the letter it sends). */
export async function record(knex: Knex, trx: Transaction, event: RequestEvent): Promise<number> {
  const [row] = await knex(EVENTS)
    .transacting(trx)
    .insert({
      uid: event.uid,
      document_id: event.documentId,
      reference: event.reference,
      action: event.action,
      from_state: event.from,
      to_state: event.to,
      actor: event.actor,
      reason: event.reason,
      at: event.at.getTime(),
    })
    .returning<Array<{ id: number } | number>>('id');
  return typeof row === 'number' ? row : row.id;
}

export async function historyOf(knex: Knex, documentId: string): Promise<RequestEvent[]> {
  const rows = (await knex(EVENTS).where('document_id', documentId).orderBy('id')) as Array<
    Record<string, string | number | null>
  >;
  return rows.map((r) => ({
    uid: String(r.uid),
    documentId: String(r.document_id),
    reference: String(r.reference),
    action: String(r.action),
    from: String(r.from_state),
    to: String(r.to_state),
    actor: String(r.actor),
    reason: r.reason === null ? null : String(r.reason),
    at: new Date(Number(r.at)),
  }));
}
