import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Core } from '@strapi/strapi';
import type { SeedLedger } from './store';

/**
 * Demo media is made here, never downloaded: photos are drawn with sharp from SVG,
 * decision documents are written with pdf-lib.
 */
interface UploadedFile {
  id: number;
}

/** What the seed uses of Strapi's upload service. */
interface UploadService {
  upload(input: {
    data: { fileInfo: Record<string, string> };
    files: { filepath: string; originalFilename: string; mimetype: string; size: number };
  }): Promise<UploadedFile[]>;
}

async function upload(
  strapi: Core.Strapi,
  file: { filepath: string; name: string; mime: string },
  info: Record<string, string>,
) {
  const { size } = await fs.stat(file.filepath);
  const [uploaded] = await strapi
    .plugin('upload')
    .service<UploadService>('upload')
    .upload({
      data: { fileInfo: { name: file.name, ...info } },
      files: { filepath: file.filepath, originalFilename: file.name, mimetype: file.mime, size },
    });
  return uploaded.id;
}

async function withTempFile<T>(
  name: string,
  bytes: Buffer | Uint8Array,
  use: (filepath: string) => Promise<T>,
): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-seed-'));
  const filepath = path.join(dir, name);
  try {
    await fs.writeFile(filepath, bytes);
    return await use(filepath);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A small number from a label, so each demo photo differs in the same way on every run. */
const variation = (label: string) => [...label].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 1000, 7) / 1000;

/**
 * A "photo" as SVG: a landscape of soft shapes in the given hue, placed by the label. No words
 * are drawn into it: the same picture shows on the Albanian, Serbian and English pages, whose
 * alt text and captions say what it is.
 */
export function photoSvg(label: string, hue: number, width = 1600, height = 1067): string {
  const v = variation(label);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue},55%,72%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,38%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${Math.round(width * (0.15 + 0.7 * v))}" cy="${Math.round(height * (0.18 + 0.15 * v))}" r="${Math.round(height * 0.11)}" fill="hsl(${(hue + 180) % 360},70%,85%)" opacity="0.8"/>
    <path d="M0 ${height * 0.75} Q ${Math.round(width * (0.2 + 0.3 * v))} ${height * 0.55} ${width * 0.6} ${height * 0.72} T ${width} ${Math.round(height * (0.6 + 0.1 * v))} V ${height} H 0 Z" fill="hsl(${hue},35%,25%)"/>
  </svg>`;
}

/** A 1600×1067 demo photo (JPEG) from `photoSvg`. */
export function drawPhoto(label: string, hue: number, width = 1600, height = 1067): Promise<Buffer> {
  return sharp(Buffer.from(photoSvg(label, hue, width, height)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}

/** A one-page official-looking PDF. Standard fonts cover Albanian (ë, ç) and English. */
export async function writeDocumentPdf(heading: string, lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(heading);
  pdf.setAuthor('Office of the Prime Minister');
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const boldFont = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawText(heading, {
    x: 56,
    y: 770,
    size: 15,
    font: boldFont,
    color: rgb(0.1, 0.15, 0.3),
    maxWidth: 480,
    lineHeight: 19,
  });
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 700 - i * 22, size: 11, font: regular, maxWidth: 480 }));
  return pdf.save();
}

export async function seedPhoto(
  strapi: Core.Strapi,
  ledger: SeedLedger,
  key: string,
  label: string,
  hue: number,
  caption = label,
) {
  const known = ledger.get(`media:${key}`);
  if (known) return Number(known);
  const name = `${key}.jpg`;
  const id = await withTempFile(name, await drawPhoto(label, hue), (filepath) =>
    upload(strapi, { filepath, name, mime: 'image/jpeg' }, { alternativeText: label, caption }),
  );
  await ledger.record(`media:${key}`, id);
  return id;
}

export async function seedPdf(strapi: Core.Strapi, ledger: SeedLedger, key: string, heading: string, lines: string[]) {
  const known = ledger.get(`media:${key}`);
  if (known) return Number(known);
  const name = `${key}.pdf`;
  const id = await withTempFile(name, await writeDocumentPdf(heading, lines), (filepath) =>
    upload(strapi, { filepath, name, mime: 'application/pdf' }, { caption: heading }),
  );
  await ledger.record(`media:${key}`, id);
  return id;
}
