import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@newsroom/shared-types';
import { ensureTable, type Connection as Knex, type Transaction } from '../cluster/tables';
import { loadEnv } from '../env';

/**
 * A file the public sends with a submission. It is stored outside the public uploads (in
 * PRIVATE_FILES_DIR, under a random name), listed in our own table, and served only by the
 * requests desk to a role that may read the submission: never by the site, the upload
 * plugin or the content API.
 */
export const ATTACHMENTS = 'newsroom_attachments';

export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

export const ensureAttachments = (knex: Knex) =>
  ensureTable(knex, ATTACHMENTS, (t) => {
    t.increments('id');
    t.string('document_id', 64).notNullable().index();
    t.string('name', 255).notNullable();
    t.string('mime', 100).notNullable();
    t.integer('size').notNullable();
    t.string('stored_as', 64).notNullable();
    t.bigInteger('created_at').notNullable();
  });

/** Why a file cannot be taken, as a message key of the intake; null when it can. */
export function attachmentProblem(file: IncomingFile): string | null {
  if (file.size > ATTACHMENT_MAX_BYTES) return 'error.fileTooBig';
  const extensions = ATTACHMENT_TYPES[file.mimetype ?? ''];
  const ext = path.extname(file.originalFilename ?? '').toLowerCase();
  if (!extensions || !extensions.includes(ext)) return 'error.fileType';
  return null;
}

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-200) || 'file';

/** Copies the upload into the private folder and records it in `trx` (after a rollback the copy is an orphan no row names, so nothing serves it). */
export async function keepAttachment(
  knex: Knex,
  trx: Transaction,
  dir: string,
  documentId: string,
  file: IncomingFile,
): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const storedAs = randomUUID();
  await fs.copyFile(file.filepath, path.join(dir, storedAs));
  await knex(ATTACHMENTS)
    .transacting(trx)
    .insert({
      document_id: documentId,
      name: safeName(file.originalFilename ?? 'file'),
      mime: file.mimetype,
      size: file.size,
      stored_as: storedAs,
      created_at: Date.now(),
    });
}

/** A stored attachment's row. */
type AttachmentRow = { id: number; document_id: string; name: string; mime: string; size: number; stored_as: string };

export async function attachmentsOf(knex: Knex, documentId: string) {
  return knex<AttachmentRow>(ATTACHMENTS)
    .where('document_id', documentId)
    .orderBy('id')
    .select('id', 'name', 'mime', 'size');
}

export async function readAttachment(knex: Knex, documentId: string, id: number, dir = privateDir()) {
  const row = (await knex(ATTACHMENTS).where({ document_id: documentId, id }).first()) as
    { name: string; stored_as: string } | undefined;
  return row ? { name: row.name, stream: createReadStream(path.join(dir, row.stored_as)) } : null;
}

/** Deletes a submission's files and their rows (retention). */
export async function dropAttachments(knex: Knex, documentId: string, dir = privateDir()) {
  const rows = await knex<AttachmentRow>(ATTACHMENTS).where('document_id', documentId).select('stored_as');
  for (const row of rows) await fs.rm(path.join(dir, row.stored_as), { force: true });
  await knex(ATTACHMENTS).where('document_id', documentId).del();
  return rows.length;
}

/** Where the files are kept (PRIVATE_FILES_DIR, relative to the CMS's folder): beside its public folder, never inside. */
export const privateDir = () => path.resolve(loadEnv().PRIVATE_FILES_DIR);
