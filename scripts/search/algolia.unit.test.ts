import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_SETTINGS, syncAlgolia } from './algolia';
import { recordFromHtml, type SearchRecord } from './records';
import { itemPage } from './fixtures';

/** A local server answering the part of Algolia's REST API the client uses, recording each call. */
let server: FastifyInstance;
let calls: Array<{ method: string; path: string; body: unknown }>;
const keys: string[] = [];
let options: Parameters<typeof syncAlgolia>[1];

beforeAll(async () => {
  server = Fastify();
  // The client sends its JSON as text/plain (no CORS preflight in browsers).
  server.removeContentTypeParser('text/plain');
  server.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) =>
    done(null, JSON.parse(String(body))),
  );
  server.addHook('onRequest', (req, _reply, done) => {
    keys.push(`${String(req.headers['x-algolia-application-id'])}/${String(req.headers['x-algolia-api-key'])}`);
    done();
  });
  server.put(
    '/1/indexes/:index/settings',
    (req) => (
      calls.push({ method: 'PUT', path: req.url.split('?')[0], body: req.body }),
      { taskID: 1, updatedAt: new Date().toISOString() }
    ),
  );
  server.post(
    '/1/indexes/:index/batch',
    (req) => (
      calls.push({ method: 'POST', path: req.url.split('?')[0], body: req.body }),
      { taskID: 2, objectIDs: [] }
    ),
  );
  await server.listen({ host: '127.0.0.1', port: 0 });
  options = {
    appId: 'TESTAPP',
    adminKey: 'admin-key',
    indexPrefix: 'newsroom_',
    stateFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-algolia-')), 'state.json'),
    hosts: [{ url: `127.0.0.1:${(server.server.address() as AddressInfo).port}`, protocol: 'http' }],
  };
});
beforeEach(() => {
  calls = [];
});
afterAll(() => server?.close());

const site = (records: SearchRecord[]) => new Map([['en', records]]);
const a = recordFromHtml(itemPage({ id: 'a', title: 'First' }))!;
const b = recordFromHtml(itemPage({ id: 'b', title: 'Second' }))!;

describe('the Algolia sync', () => {
  it('first sends the settings and every record', async () => {
    expect(await syncAlgolia(site([a, b]), options)).toEqual({ updated: 2, deleted: 0 });
    expect(calls).toEqual([
      { method: 'PUT', path: '/1/indexes/newsroom_en/settings', body: INDEX_SETTINGS },
      {
        method: 'POST',
        path: '/1/indexes/newsroom_en/batch',
        body: {
          requests: [
            { action: 'updateObject', body: a },
            { action: 'updateObject', body: b },
          ],
        },
      },
    ]);
  });

  it('sends nothing when nothing changed', async () => {
    expect(await syncAlgolia(site([a, b]), options)).toEqual({ updated: 0, deleted: 0 });
    expect(calls).toEqual([]);
  });

  it('sends only the changed record', async () => {
    const changed = { ...b, title: 'Second, corrected' };
    await syncAlgolia(site([a, changed]), options);
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/1/indexes/newsroom_en/batch',
        body: { requests: [{ action: 'updateObject', body: changed }] },
      },
    ]);
  });

  it('deletes the record of an item that was unpublished or deleted', async () => {
    await syncAlgolia(site([a]), options);
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/1/indexes/newsroom_en/batch',
        body: { requests: [{ action: 'deleteObject', body: { objectID: 'release:b' } }] },
      },
    ]);
  });

  it('authenticates every call with the application id and the admin key', () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set(['TESTAPP/admin-key']));
  });
});
