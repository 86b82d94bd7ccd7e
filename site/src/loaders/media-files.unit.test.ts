import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaFiles } from './media-files';

/** A CMS serving uploads over real HTTP; it counts what it is asked for. */
const files = new Map<string, Buffer>();
const asked: string[] = [];
const server = http.createServer((req, res) => {
  asked.push(req.url!);
  const body = files.get(req.url!);
  res.writeHead(body ? 200 : 404).end(body ?? 'not found');
});
let cms: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cms = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const cacheDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'media-files-'));
const sha16 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const upload = (url: string, size = 1, updatedAt = '2026-11-30T08:00:00.000Z') => ({
  url,
  mime: 'application/pdf',
  size,
  updatedAt,
  name: 'Vendimi.pdf',
});

describe('the site’s copies of uploads', () => {
  it('copies every upload of an entry, at any depth, under its content hash', async () => {
    const pdf = Buffer.from('%PDF-1.7 decision');
    const photo = Buffer.from('jpeg bytes');
    files.set('/uploads/decision_a1b2.pdf', pdf);
    files.set('/uploads/photo_c3d4.jpg', photo);
    const dir = cacheDir();
    const entry = {
      documents: [upload('/uploads/decision_a1b2.pdf')],
      body: [{ type: 'image', image: { ...upload('/uploads/photo_c3d4.jpg'), mime: 'image/jpeg' } }],
    };
    const media = new MediaFiles(dir, cms);
    await media.localize(entry);
    expect(entry.documents[0]).toHaveProperty('publicUrl', `/media/${sha16(pdf)}/decision_a1b2.pdf`);
    // The signed records name each file by its full SHA-256.
    expect(entry.documents[0]).toHaveProperty('sha256', crypto.createHash('sha256').update(pdf).digest('hex'));
    expect(entry.body[0].image).toHaveProperty('publicUrl', `/media/${sha16(photo)}/photo_c3d4.jpg`);
    expect(fs.readFileSync(path.join(dir, 'media', sha16(pdf), 'decision_a1b2.pdf'))).toEqual(pdf);
  });

  it('fetches a version once across entries and builds, and again when the file is replaced', async () => {
    files.set('/uploads/guide_e5f6.pdf', Buffer.from('first'));
    const dir = cacheDir();
    const first = new MediaFiles(dir, cms);
    const a = { file: upload('/uploads/guide_e5f6.pdf', 5) };
    const b = { file: upload('/uploads/guide_e5f6.pdf', 5) };
    await Promise.all([first.localize(a), first.localize(b)]);
    first.save();
    const later = { file: upload('/uploads/guide_e5f6.pdf', 5) };
    await new MediaFiles(dir, cms).localize(later);
    expect(asked.filter((url) => url === '/uploads/guide_e5f6.pdf')).toHaveLength(1);
    expect(later.file).toHaveProperty('publicUrl', (a.file as { publicUrl?: string }).publicUrl);

    // Strapi keeps the URL of a replaced file; its time tells the versions apart.
    files.set('/uploads/guide_e5f6.pdf', Buffer.from('fixed'));
    const replaced = { file: upload('/uploads/guide_e5f6.pdf', 5, '2026-11-30T09:00:00.000Z') };
    await new MediaFiles(dir, cms).localize(replaced);
    expect(replaced.file).toHaveProperty('publicUrl', `/media/${sha16(Buffer.from('fixed'))}/guide_e5f6.pdf`);
  });

  it('leaves files in public object storage where they are', async () => {
    const entry = { file: upload('https://bucket.example/decision.pdf') };
    await new MediaFiles(cacheDir(), cms).localize(entry);
    expect(entry.file).not.toHaveProperty('publicUrl');
  });

  it('fails the build, naming the file, when the CMS does not serve an upload an entry links', async () => {
    await expect(
      new MediaFiles(cacheDir(), cms).localize({ file: upload('/uploads/missing_0000.pdf') }),
    ).rejects.toThrow(/answered 404 for the upload .*\/uploads\/missing_0000\.pdf/);
  });

  it('keeps only safe characters of a name in the copy’s address', async () => {
    files.set("/uploads/a%20b'(x).pdf", Buffer.from('odd'));
    const entry = { file: upload("/uploads/a%20b'(x).pdf") };
    await new MediaFiles(cacheDir(), cms).localize(entry);
    expect((entry.file as { publicUrl?: string }).publicUrl).toMatch(/^\/media\/[0-9a-f]{16}\/a20bx\.pdf$/);
  });

  it.each([
    // `.` and `..` themselves are not fetched: a URL does not keep them.
    ['/uploads/...', 'file'],
    ['/uploads/.htaccess', 'htaccess'],
  ])('never names the copy of %s as a folder or a hidden file', async (url, name) => {
    files.set(url, Buffer.from(`odd ${url}`));
    const entry = { file: upload(url) };
    await new MediaFiles(cacheDir(), cms).localize(entry);
    expect((entry.file as { publicUrl?: string }).publicUrl).toMatch(new RegExp(`^/media/[0-9a-f]{16}/${name}$`));
  });
});
