import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';

/** Strapi's database connection (a Knex instance), and a transaction it opens. */
export type Connection = Core.Strapi['db']['connection'];
export type Transaction = Parameters<Parameters<Connection['transaction']>[0]>[0];
const made = new WeakMap<object, Map<string, Promise<void>>>();

async function create(knex: Connection, name: string, columns: (table: Knex.CreateTableBuilder) => void) {
  if (await knex.schema.hasTable(name)) return;
  try {
    await knex.schema.createTable(name, columns);
  } catch (error) {
    // Two instances creating it at once: one of them fails, and the table is there.
    if (!(await knex.schema.hasTable(name))) throw error;
  }
}

/**
 * A table of our own beside Strapi's (leases, the mail outbox, the intake's counters), made
 * on first use by whichever instance comes first, once per connection.
 */
export function ensureTable(
  knex: Connection,
  name: string,
  columns: (table: Knex.CreateTableBuilder) => void,
): Promise<void> {
  const tables = made.get(knex) ?? new Map<string, Promise<void>>();
  made.set(knex, tables);
  let promise = tables.get(name);
  if (promise === undefined) {
    promise = create(knex, name, columns);
    tables.set(name, promise);
    promise.catch(() => tables.delete(name));
  }
  return promise;
}
