import { readJsonState, writeJsonAtomic } from '../lib/json-state';
import { createHash } from 'node:crypto';
import { algoliasearch, type Algoliasearch } from 'algoliasearch';
import type { SearchRecord } from './records';

export const INDEX_SETTINGS = {
  searchableAttributes: ['title', 'summary', 'body', 'people', 'tags'],
  attributesForFaceting: ['searchable(section)', 'searchable(people)', 'searchable(tags)', 'type'],
  customRanking: ['desc(timestamp)'],
};

type State = Record<string, { settings: string; records: Record<string, string> }>;

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

export interface AlgoliaOptions {
  appId: string;
  adminKey: string;
  indexPrefix: string;
  /** Remembers what was sent, so a sync sends only what changed. */
  stateFile: string;
  /** For tests: a server answering Algolia's REST API. */
  hosts?: Array<{ url: string; protocol: 'http' | 'https' }>;
}

/**
 * Sends one record per published item to an index per locale: changed and new records,
 * deletions for what is gone, and the settings when they change. Throws on failure; the
 * builder reports it without holding back the site.
 */
export async function syncAlgolia(byLocale: Map<string, SearchRecord[]>, options: AlgoliaOptions) {
  const client: Algoliasearch = algoliasearch(
    options.appId,
    options.adminKey,
    options.hosts ? { hosts: options.hosts.map((h) => ({ ...h, accept: 'readWrite' as const })) } : undefined,
  );
  // Unreadable state only costs a full resend of every record.
  const state = readJsonState<State>(options.stateFile, {}, console.warn);
  const sent = { updated: 0, deleted: 0 };
  for (const [locale, records] of byLocale) {
    const indexName = `${options.indexPrefix}${locale}`;
    const before = state[indexName] ?? { settings: '', records: {} };
    if (before.settings !== hash(INDEX_SETTINGS)) {
      await client.setSettings({ indexName, indexSettings: INDEX_SETTINGS });
    }
    const now = Object.fromEntries(records.map((r) => [r.objectID, hash(r)]));
    const requests = [
      ...records
        .filter((r) => before.records[r.objectID] !== now[r.objectID])
        .map((body) => ({ action: 'updateObject' as const, body: { ...body } })),
      ...Object.keys(before.records)
        .filter((id) => !(id in now))
        .map((objectID) => ({ action: 'deleteObject' as const, body: { objectID } })),
    ];
    for (let i = 0; i < requests.length; i += 1000) {
      await client.batch({ indexName, batchWriteParams: { requests: requests.slice(i, i + 1000) } });
    }
    sent.updated += requests.filter((r) => r.action === 'updateObject').length;
    sent.deleted += requests.filter((r) => r.action === 'deleteObject').length;
    state[indexName] = { settings: hash(INDEX_SETTINGS), records: now };
    writeJsonAtomic(options.stateFile, state);
  }
  return sent;
}
