import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  canonicalJson,
  LOG_PAGE_SIZE,
  normaliseText,
  RECORD_FORMAT,
  type PublicationRecord,
} from '@newsroom/shared-types';
import { Authenticity } from '../authenticity/authenticate';
import { signingKeyFrom } from '../authenticity/keys';
import { paragraphs, prng, sentence } from './words';

/**
 * `npm run bench:signing`: the builder's authenticity step on its own, at the benchmark's
 * size (10 000 documents × 3 languages = 30 000 records): signing a whole build, then a
 * publish that changes three records of it. The full `npm run bench` measures the same step
 * inside real builds; this one runs in a minute and needs no corpus.
 */
const { values } = parseArgs({ options: { records: { type: 'string', default: '30000' } } });
const N = Number(values.records);
const root = path.resolve(import.meta.dirname, '..', '..');
const log = (line: string) => console.log(`[bench:signing] ${line}`);
const LOCALES = ['sq', 'sr-Latn', 'en'] as const;
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

function record(i: number, version = '2026-11-30T09:00:00.000Z'): PublicationRecord {
  const locale = LOCALES[i % 3]!;
  const random = prng(i + 1);
  const text = paragraphs(locale, random, 6)
    .map((p) => p.children[0]!.text)
    .join('\n');
  return {
    format: RECORD_FORMAT,
    type: 'release',
    documentId: `doc${Math.floor(i / 3)}`,
    locale,
    url: `https://kryeministri.example/${locale}/releases/item-${Math.floor(i / 3)}/`,
    title: sentence(locale, random, 8),
    date: version,
    firstPublished: version,
    summary: sentence(locale, random, 25),
    text,
    textSha256: sha(normaliseText(text)),
    leadImage: null,
    attachments: [{ name: 'document.pdf', url: `https://kryeministri.example/media/${i}.pdf`, sha256: sha(String(i)) }],
    changeNotes: [],
    withdrawal: null,
    version,
  };
}

const place = (out: string, r: PublicationRecord) => {
  const file = path.join(out, new URL(r.url).pathname, 'record.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, canonicalJson(r));
  return file;
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-signing-'));
const key = signingKeyFrom(
  crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
);
const authenticity = new Authenticity(path.join(work, 'store'), key, log);
const cold = path.join(work, 'cold');
for (let i = 0; i < N; i += 1) place(cold, record(i));
const coldReport = authenticity.run(cold);
log(`cold: ${coldReport.records} records signed and logged in ${coldReport.ms} ms`);

// A publish: the build links every record it did not render from the live one, and writes three.
const publish = path.join(work, 'publish');
for (const entry of fs.readdirSync(cold, { recursive: true, withFileTypes: true }))
  if (entry.isFile() && entry.name === 'record.json') {
    const target = path.join(publish, path.relative(cold, entry.parentPath), entry.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.linkSync(path.join(entry.parentPath, entry.name), target);
  }
for (const i of [0, 1, 2]) {
  const file = path.join(publish, new URL(record(i).url).pathname, 'record.json');
  fs.rmSync(file);
  place(publish, record(i, '2026-12-01T09:00:00.000Z'));
}
const written = [0, 1, 2].map((i) => path.join(new URL(record(i).url).pathname, 'record.json').slice(1));
const publishReport = authenticity.run(publish, { changes: { base: cold, written, removed: [] } });
log(`publish: ${publishReport.read} records read, ${JSON.stringify(publishReport.events)} in ${publishReport.ms} ms`);

const largest = Math.max(
  ...fs
    .readdirSync(path.join(work, 'store', 'public'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.statSync(path.join(e.parentPath, e.name)).size),
);
const latest = path.join(root, 'bench', 'results', 'latest.json');
const coldBuildMs = fs.existsSync(latest)
  ? (JSON.parse(fs.readFileSync(latest, 'utf8')) as { coldBuildMs?: number }).coldBuildMs
  : undefined;
console.log(
  [
    '',
    `| step (${N} records, log pages of ${LOG_PAGE_SIZE}) | measured | target |`,
    '|---|---|---|',
    `| sign and log a whole build | ${(coldReport.ms / 1000).toFixed(1)} s | ${coldBuildMs ? `${((coldReport.ms / coldBuildMs) * 100).toFixed(1)} % of the last cold build (${(coldBuildMs / 1000).toFixed(0)} s), target ≤ 10 %: ${coldReport.ms <= coldBuildMs * 0.1 ? 'meets' : 'MISSES'}` : '≤ 10 % of a cold build (no bench/results/latest.json to compare with)'} |`,
    `| sign and log a publish (3 records changed) | ${publishReport.ms} ms | < 500 ms: ${publishReport.ms < 500 ? 'meets' : 'MISSES'} |`,
    `| largest log file | ${(largest / 1024).toFixed(0)} KiB | ≤ 1 MB: ${largest <= 1_000_000 ? 'meets' : 'MISSES'} |`,
  ].join('\n'),
);
if (!process.env.KEEP) fs.rmSync(work, { recursive: true, force: true });
else log(work);
