import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '@newsroom/shared-types';
import { startStrapi, type TestStrapi } from '../../test/strapi';
import { adminAs } from '../../test/admin-users';
import { ROLES } from '../bootstrap/roles';
import { HITS } from '../intake/guard';
import { ATTACHMENTS } from './attachments';

let app: TestStrapi;
let privateFiles: string;
let officer: Awaited<ReturnType<typeof adminAs>>;
let author: Awaited<ReturnType<typeof adminAs>>;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 32), Buffer.from('\n%%EOF\n')]);

function multipart(fields: Record<string, string>, files: Array<{ name: string; type: string; bytes: Buffer }> = []) {
  const body = new FormData();
  for (const [k, v] of Object.entries({
    language: 'en',
    name: 'Agim Hoxha',
    email: 'agim@example.org',
    description: 'The annual report on public procurement',
    preferredFormat: 'electronic',
    website: '',
    ...fields,
  }))
    body.append(k, v);
  for (const f of files) body.append('attachment', new Blob([f.bytes], { type: f.type }), f.name);
  return body;
}
const send = (body: FormData, path = '/intake/document-request') =>
  fetch(`${app.url}${path}`, { method: 'POST', body, headers: { Accept: 'application/json' } });

beforeAll(async () => {
  privateFiles = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-private-'));
  app = await startStrapi({ listen: true, env: { PRIVATE_FILES_DIR: privateFiles } });
  officer = await adminAs(app, 'files-officer@example.org', ROLES.requestsOfficer.code);
  author = await adminAs(app, 'files-author@example.org', ROLES.author.code);
});

afterAll(async () => {
  await app?.stop();
  delete process.env.PRIVATE_FILES_DIR;
  await fs.rm(privateFiles, { recursive: true, force: true });
});

beforeEach(async () => {
  await app.strapi.db.connection(HITS).del();
});

describe('a file attached to a request', () => {
  it('is kept outside the public uploads and given only to the requests desk', async () => {
    const res = await send(
      multipart({ email: 'with-file@example.org' }, [{ name: 'scan.pdf', type: 'application/pdf', bytes: PDF }]),
    );
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    const request = (await app.strapi.db
      .query(CONTENT_TYPES.documentRequest.uid as never)
      .findOne({ where: { reference } })) as { documentId: string };
    const [row] = await app.strapi.db.connection(ATTACHMENTS).where('document_id', request.documentId);
    expect(row).toMatchObject({ name: 'scan.pdf', mime: 'application/pdf', size: PDF.length });
    expect(await fs.readFile(path.join(privateFiles, row.stored_as))).toEqual(PDF);
    // Nothing of it in the public folder, the media library or the public API.
    const publicFiles = await fs.readdir(path.join(app.dir, 'public', 'uploads')).catch(() => []);
    expect(publicFiles.filter((f) => f.includes('scan'))).toEqual([]);
    expect(await app.strapi.db.query('plugin::upload.file').count({ where: { name: 'scan.pdf' } })).toBe(0);
    expect((await fetch(`${app.url}/api/upload/files`)).status).toBe(403);
    expect((await fetch(`${app.url}/api/document-requests?populate=*`)).status).toBe(403);

    const detail = (await officer('GET', `/newsroom/requests/documentRequest/${request.documentId}`)).body;
    expect(detail.attachments).toEqual([{ id: row.id, name: 'scan.pdf', mime: 'application/pdf', size: PDF.length }]);
    expect(
      (await author('GET', `/newsroom/requests/documentRequest/${request.documentId}/attachments/${row.id}`)).status,
    ).toBe(403);
    expect(
      (await fetch(`${app.url}/newsroom/requests/documentRequest/${request.documentId}/attachments/${row.id}`)).status,
    ).toBe(401);
  });

  it("may be a PDF, ODT, DOCX, JPEG, PNG or text file of at most 1.5 MB, and is refused by field in the form's language otherwise", async () => {
    const page = await send(
      multipart({ language: 'sq', email: 'html@example.org' }, [
        { name: 'page.html', type: 'text/html', bytes: Buffer.from('<script>alert(1)</script>') },
      ]),
    );
    expect(page.status).toBe(400);
    expect(((await page.json()) as any).errors).toEqual({
      attachment: 'Ju lutemi bashkëngjitni një skedar PDF, ODT, DOCX, JPEG, PNG ose tekst të thjeshtë.',
    });
    const disguised = await send(
      multipart({ email: 'disguised@example.org' }, [{ name: 'scan.pdf.exe', type: 'application/pdf', bytes: PDF }]),
    );
    expect(((await disguised.json()) as any).errors).toHaveProperty('attachment');
    const big = await send(
      multipart({ email: 'big@example.org' }, [
        { name: 'big.pdf', type: 'application/pdf', bytes: Buffer.alloc(1_700_000, 1) },
      ]),
    );
    expect(big.status).toBe(400);
    expect(((await big.json()) as any).errors).toEqual({ attachment: 'The file is too large: at most 1.5 MB.' });
    const two = await send(
      multipart({ email: 'two@example.org' }, [
        { name: 'a.pdf', type: 'application/pdf', bytes: PDF },
        { name: 'b.pdf', type: 'application/pdf', bytes: PDF },
      ]),
    );
    expect(((await two.json()) as any).errors).toEqual({ attachment: 'Please attach one file only.' });
    expect(
      await app.strapi.db.query(CONTENT_TYPES.documentRequest.uid as never).count({
        where: {
          email: { $in: ['html@example.org', 'disguised@example.org', 'big@example.org', 'two@example.org'] },
        },
      }),
    ).toBe(0);
  });

  it('takes an empty file input as no file', async () => {
    const res = await send(
      multipart({ email: 'no-file@example.org' }, [
        { name: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) },
      ]),
    );
    expect(res.status).toBe(201);
  });

  it('refuses a body over 2 MB before reading it, in any spelling of the intake path, and one of undeclared length', async () => {
    // Only the headers are sent: the answer must come without the body being read.
    const answer = (path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${app.url}${path}`,
          { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x', ...headers } },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        req.flushHeaders();
      });
    for (const spelling of [
      '/intake/document-request',
      '/INTAKE/document-request',
      '/%69ntake/document-request',
      '//intake/document-request',
      '/intake//media-inquiry',
    ]) {
      expect(await answer(spelling, { 'Content-Length': '2100000' }), spelling).toBe(413);
    }
    expect(await answer('/intake/document-request', { 'Transfer-Encoding': 'chunked' })).toBe(411);
  });
});
