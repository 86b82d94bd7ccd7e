import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EarlyImages } from './early-images';
import { encodeImage, type ImageTransform } from './image-encode';

let dir: string;
let original: string;
const transform = (width: number, format = 'webp'): ImageTransform => ({
  src: 'http://cms.test/uploads/photo.png',
  width,
  height: width / 2,
  format,
});

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'early-images-'));
  original = path.join(dir, 'photo.png');
  await sharp({ create: { width: 200, height: 100, channels: 3, background: '#36c' } })
    .png()
    .toFile(original);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('images encoded while the pages render', () => {
  it('gives Astro the bytes it would have encoded itself', async () => {
    const early = new EarlyImages(dir);
    early.queue(original, transform(120, 'avif'));
    const taken = await early.take(transform(120, 'avif'));
    const own = await encodeImage(fs.readFileSync(original), transform(120, 'avif'));
    expect(taken && Buffer.from(taken.data).equals(Buffer.from(own.data))).toBe(true);
  });

  it('leaves to Astro an image whose encoding has not started', async () => {
    const early = new EarlyImages(dir);
    early.queue(original, transform(120));
    early.queue(original, transform(60));
    expect(await early.take(transform(60))).toBeNull();
    expect(await early.take(transform(120))).not.toBeNull();
  });

  it("does not queue what this cache's builds encoded before", async () => {
    new EarlyImages(dir).encoded(transform(120));
    const next = new EarlyImages(dir);
    next.queue(original, transform(120));
    expect(await next.take(transform(120))).toBeNull();
  });

  it('leaves to Astro an image it could not encode', async () => {
    const early = new EarlyImages(dir);
    early.queue(path.join(dir, 'missing.png'), transform(120));
    expect(await early.take(transform(120))).toBeNull();
  });
});
