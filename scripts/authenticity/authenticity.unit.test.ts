import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  canonicalJson,
  entryForHashing,
  logHeadPath,
  logPagePath,
  normaliseText,
  RECORD_FORMAT,
  verifyPublication,
  type LogEntry,
  type LogHead,
  type PublicationRecord,
} from '@newsroom/shared-types';
import { Authenticity } from './authenticate';
import { signingKeyFrom, type SigningKey } from './keys';
import { folderSiteFiles } from './site-files';

const SITE = 'https://kryeministri.example';
const sha = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const newKey = (): SigningKey =>
  signingKeyFrom(crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());

const PDF = Buffer.from('%PDF-1.7 Vendimi nr. 12/2026');

function record(slug: string, overrides: Partial<PublicationRecord> = {}): PublicationRecord {
  const text = `Qeveria miratoi vendimin ${slug}.\n\nVendimi hyn në fuqi menjëherë.`;
  return {
    format: RECORD_FORMAT,
    type: 'release',
    documentId: `doc-${slug}`,
    locale: 'sq',
    url: `${SITE}/sq/komunikata/${slug}/`,
    title: `Komunikata ${slug}`,
    date: '2026-11-30T09:00:00.000Z',
    firstPublished: null,
    summary: null,
    text,
    textSha256: sha(normaliseText(text)),
    leadImage: null,
    attachments: [{ name: 'vendimi.pdf', url: `${SITE}/media/x/vendimi.pdf`, sha256: sha(PDF) }],
    changeNotes: [],
    withdrawal: null,
    version: '2026-11-30T09:00:00.000Z',
    ...overrides,
  };
}

/** A build folder as the site writes it: a record beside each item page. */
function build(records: PublicationRecord[]): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  for (const r of records) {
    const dir = path.join(out, new URL(r.url).pathname);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'record.json'), canonicalJson(r));
  }
  return out;
}

function office(key = newKey()) {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'authenticity-'));
  return { store, key, authenticity: new Authenticity(store, key, () => {}) };
}

const check = (out: string, input: Parameters<typeof verifyPublication>[1]) =>
  verifyPublication(folderSiteFiles(out), input, SITE);

/** Changes one byte of a file in place (a copy of the build is what an attacker would serve). */
function flipByte(file: string, at: number) {
  const bytes = fs.readFileSync(fs.realpathSync(file));
  bytes[at] = bytes[at] ^ 1;
  fs.rmSync(file);
  fs.writeFileSync(file, bytes);
}

describe('signed records and the public log', () => {
  it('signs each record so that it verifies with the published key, by address, text and file', async () => {
    const { authenticity } = office();
    const out = build([record('a'), record('b')]);
    const report = authenticity.run(out, { now: '2026-11-30T10:00:00.000Z' });
    expect(report).toMatchObject({ records: 2, read: 2, events: { published: 2 }, logSize: 2 });
    const byAddress = await check(out, { address: `${SITE}/sq/komunikata/a/` });
    expect(byAddress).toMatchObject({ outcome: 'authentic', state: 'current', logIndex: 0, logSize: 2 });
    // Without a first publication of its own, an item counts as published when the log took it in.
    expect(byAddress.firstPublished).toBe('2026-11-30T10:00:00.000Z');
    expect(byAddress.versionLogged).toBe('2026-11-30T10:00:00.000Z');
    const pasted = `  Qeveria miratoi vendimin b.  Vendimi hyn në fuqi menjëherë.\n`;
    expect(await check(out, { text: pasted })).toMatchObject({ outcome: 'authentic', record: { documentId: 'doc-b' } });
    // A hash nobody published finds an empty shard: the page never meets a 404 it would log.
    expect(fs.readdirSync(path.join(out, '.well-known/newsroom-log/lookup'))).toHaveLength(256);
    expect(await check(out, { fileSha256: sha(PDF) })).toMatchObject({
      outcome: 'authentic',
      matched: { kind: 'file', name: 'vendimi.pdf' },
    });
  });

  it('keeps the first publication an archive item had before the log began', async () => {
    const { authenticity } = office();
    const out = build([record('old', { firstPublished: '2025-03-12T09:30:00.000Z' })]);
    authenticity.run(out, { now: '2026-11-30T10:00:00.000Z' });
    expect(await check(out, { address: '/sq/komunikata/old/' })).toMatchObject({
      outcome: 'authentic',
      firstPublished: '2025-03-12T09:30:00.000Z',
      versionLogged: '2026-11-30T10:00:00.000Z',
    });
  });

  it('fails a one-byte change in a record, a signature or an attachment', async () => {
    const { authenticity } = office();
    const out = build([record('a')]);
    authenticity.run(out, { now: '2026-11-30T10:00:00.000Z' });
    const recordFile = path.join(out, 'sq/komunikata/a/record.json');
    const original = fs.readFileSync(recordFile);
    const signatureFile = path.join(out, '.well-known/newsroom-signatures', `${sha(original)}.json`);
    const signed = JSON.parse(fs.readFileSync(signatureFile, 'utf8')) as { signature: string };

    flipByte(recordFile, original.indexOf('vendimin') + 2);
    expect((await check(out, { address: '/sq/komunikata/a/' })).outcome).toBe('changed');
    fs.rmSync(recordFile);
    fs.writeFileSync(recordFile, original);
    expect((await check(out, { address: '/sq/komunikata/a/' })).outcome).toBe('authentic');

    const forged = Buffer.from(signed.signature, 'base64');
    forged[10] = forged[10] ^ 1;
    const copy = fs.readFileSync(signatureFile, 'utf8').replace(signed.signature, forged.toString('base64'));
    fs.chmodSync(signatureFile, 0o644);
    fs.writeFileSync(signatureFile, copy);
    expect(await check(out, { address: '/sq/komunikata/a/' })).toMatchObject({
      outcome: 'changed',
      reason: 'the signature does not match the record',
    });

    const altered = Buffer.from(PDF);
    altered[5] = altered[5] ^ 1;
    expect((await check(out, { fileSha256: sha(altered) })).outcome).toBe('not-published');
    expect((await check(out, { text: 'Qeveria miratoi vendimin a. Vendimi hyn në fuqi nesër.' })).outcome).toBe(
      'not-published',
    );
  });

  it('logs corrections, withdrawals and unpublishing as new entries, and says what became of an older version', async () => {
    const { authenticity } = office();
    const first = record('a');
    authenticity.run(build([first, record('b')]), { now: '2026-11-30T10:00:00.000Z' });
    const corrected = record('a', {
      text: 'Qeveria miratoi vendimin a, me ndryshime.',
      textSha256: sha(normaliseText('Qeveria miratoi vendimin a, me ndryshime.')),
      changeNotes: [{ date: '2026-12-01', text: 'U korrigjua data.' }],
      version: '2026-12-01T08:00:00.000Z',
    });
    const out = build([corrected, record('b')]);
    expect(authenticity.run(out, { now: '2026-12-01T08:00:05.000Z' }).events).toEqual({ corrected: 1 });
    expect(await check(out, { text: first.text })).toMatchObject({
      outcome: 'authentic',
      state: 'corrected',
      stateAt: '2026-12-01T08:00:05.000Z',
      firstPublished: '2026-11-30T10:00:00.000Z',
    });
    expect(await check(out, { address: '/sq/komunikata/a/' })).toMatchObject({
      outcome: 'authentic',
      state: 'current',
    });

    const withdrawn = {
      ...corrected,
      withdrawal: { date: '2026-12-02', reason: 'outdated', explanation: 'E vjetëruar.' },
    };
    const later = build([withdrawn]);
    expect(authenticity.run(later, { now: '2026-12-02T08:00:00.000Z' }).events).toEqual({
      withdrawn: 1,
      unpublished: 1,
    });
    expect(await check(later, { address: '/sq/komunikata/a/' })).toMatchObject({ state: 'withdrawn' });
    // The unpublished item's address is no longer served, and the log still knows it was there.
    expect(await check(later, { address: '/sq/komunikata/b/' })).toMatchObject({
      outcome: 'authentic',
      state: 'unpublished',
      stateAt: '2026-12-02T08:00:00.000Z',
    });
    expect((await check(later, { address: '/sq/komunikata/never/' })).outcome).toBe('not-published');
  });

  it('keeps what a retired key signed valid, and fails what was logged after a key’s revocation', async () => {
    const { store, key: oldKey, authenticity } = office();
    authenticity.run(build([record('a')]), { now: '2026-11-30T10:00:00.000Z' });
    const b = build([record('a'), record('b')]);
    authenticity.run(b, { now: '2026-11-30T12:00:00.000Z' });
    const rotated = new Authenticity(store, newKey(), () => {});
    const out = build([record('a'), record('b'), record('c')]);
    rotated.run(out, { now: '2026-12-01T09:00:00.000Z' });
    const keys = rotated.registry.list().keys;
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatchObject({ keyId: oldKey.keyId, retiredAt: '2026-12-01T09:00:00.000Z' });
    expect(await check(out, { address: '/sq/komunikata/a/' })).toMatchObject({
      outcome: 'authentic',
      key: { keyId: oldKey.keyId },
    });
    expect(await check(out, { address: '/sq/komunikata/c/' })).toMatchObject({
      outcome: 'authentic',
      key: { keyId: rotated.keyId },
    });
    expect(() => new Authenticity(store, oldKey, () => {}).run(build([]), { now: '2026-12-02T00:00:00.000Z' })).toThrow(
      /retired/,
    );

    // The old key leaked at 11:00 on 30 November: what was logged under it from then on is not to be trusted.
    rotated.registry.revoke(oldKey.keyId, '2026-11-30T11:00:00.000Z');
    rotated.run(out, { now: '2026-12-01T10:00:00.000Z' });
    expect(await check(out, { address: '/sq/komunikata/a/' })).toMatchObject({ outcome: 'authentic' });
    expect(await check(out, { address: '/sq/komunikata/b/' })).toMatchObject({ outcome: 'revoked' });
  });

  it('keeps a record valid when it comes back after its key was retired, and calls it current', async () => {
    const { store, authenticity } = office();
    authenticity.run(build([record('a')]), { now: '2026-11-30T10:00:00.000Z' });
    authenticity.run(build([]), { now: '2026-11-30T11:00:00.000Z' });
    const rotated = new Authenticity(store, newKey(), () => {});
    // Published again as it was: the same record, signed once, by the key that was valid then.
    const out = build([record('a')]);
    expect(rotated.run(out, { now: '2026-12-01T09:00:00.000Z' }).events).toEqual({ published: 1 });
    expect(await check(out, { address: '/sq/komunikata/a/' })).toMatchObject({
      outcome: 'authentic',
      state: 'current',
      stateAt: '2026-12-01T09:00:00.000Z',
    });
  });

  it('detects a rewritten old entry against a head saved earlier, even when the chain is recomputed', async () => {
    const { authenticity } = office();
    authenticity.run(build([record('a'), record('b')]), { now: '2026-11-30T10:00:00.000Z' });
    const saved = JSON.parse(
      fs.readFileSync(path.join(authenticity.log.publicDir, ...logHeadPath().split('/').filter(Boolean)), 'utf8'),
    ) as LogHead;
    const out = build([record('a'), record('b'), record('c')]);
    authenticity.run(out, { now: '2026-11-30T11:00:00.000Z' });
    const files = folderSiteFiles(out);
    expect(await auditLog(files, saved)).toEqual({ ok: true, size: 3 });

    // Someone with access to the server rewrites entry 0's time and recomputes every hash after it.
    const pageFile = path.join(out, ...logPagePath(0).split('/').filter(Boolean));
    const entries = JSON.parse(fs.readFileSync(pageFile, 'utf8')) as LogEntry[];
    let previous = '0'.repeat(64);
    for (const entry of entries) {
      if (entry.index === 0) entry.time = '2026-11-29T10:00:00.000Z';
      entry.previous = previous;
      entry.hash = sha(canonicalJson(entryForHashing(entry)));
      previous = entry.hash;
    }
    fs.rmSync(pageFile);
    fs.writeFileSync(pageFile, JSON.stringify(entries));
    const audit = await auditLog(files, saved);
    expect(audit.ok).toBe(false);
    // Without the earlier head, the new head's signature no longer covers the last entry.
    expect((await auditLog(files)).problem).toBe('the last entry is not the one the head signs');
  });

  it('reads again only the records an incremental build wrote, and logs nothing when nothing changed', () => {
    const { authenticity } = office();
    const first = build([record('a'), record('b')]);
    authenticity.run(first, { now: '2026-11-30T10:00:00.000Z' });
    // An incremental build links the live build's files it did not render, and reports the rest.
    const next = fs.mkdtempSync(path.join(os.tmpdir(), 'build-'));
    for (const slug of ['a', 'b']) {
      fs.mkdirSync(path.join(next, 'sq/komunikata', slug), { recursive: true });
      fs.linkSync(
        path.join(first, 'sq/komunikata', slug, 'record.json'),
        path.join(next, 'sq/komunikata', slug, 'record.json'),
      );
    }
    const unchanged = { base: first, written: [], removed: [] };
    expect(authenticity.run(next, { changes: unchanged, now: '2026-11-30T10:05:00.000Z' })).toMatchObject({
      records: 2,
      read: 0,
      events: {},
      logSize: 2,
    });

    const third = build([record('a', { title: 'Komunikata a, e rishikuar' }), record('c')]);
    const changes = {
      base: next,
      written: ['sq/komunikata/a/record.json', 'sq/komunikata/c/record.json'],
      removed: ['sq/komunikata/b/record.json'],
    };
    expect(authenticity.run(third, { changes, now: '2026-11-30T10:10:00.000Z' })).toMatchObject({
      records: 2,
      read: 2,
      events: { revised: 1, published: 1, unpublished: 1 },
    });
    // Changes reported against another build than the one last signed are not trusted: the build is read whole.
    const stale = build([record('a', { title: 'Komunikata a, e rishikuar' }), record('c')]);
    expect(authenticity.run(stale, { changes: { base: first, written: [], removed: [] } })).toMatchObject({
      records: 2,
      read: 2,
      events: {},
    });
  });

  it('reads a build folder without ever leaving it, however the path is spelled', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-'));
    const dir = path.join(parent, 'site');
    fs.mkdirSync(path.join(dir, 'a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a', 'record.json'), '{}');
    fs.writeFileSync(path.join(parent, 'secret'), 'private');
    const files = folderSiteFiles(dir);
    expect(await files.get('/a/record.json')).not.toBeNull();
    expect(await files.get('/a/%72ecord.json')).not.toBeNull();
    for (const spelling of [
      '/../secret',
      '../secret',
      '/%2e%2e/secret',
      '/a/..%2f..%2fsecret',
      '/a/%2E%2E/%2E%2E/secret',
      '//../secret',
      '/a/',
    ])
      expect(await files.get(spelling), spelling).toBeNull();
  });
});
