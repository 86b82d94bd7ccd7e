import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSession } from './build-session';
import { perBuild } from './build-scope';
import { copyInCache } from '../loaders/media-files';
import { encodeImage, transformKey, type ImageTransform } from './image-encode';

type Encoded = Awaited<ReturnType<typeof encodeImage>>;

const digest = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

interface Job {
  key: string;
  original: string;
  transform: ImageTransform;
  /** Where the encoding was written, once it ran; null if it failed. */
  done?: Promise<{ file: string; format: string } | null>;
}

/**
 * Images encoded while the pages render. Astro encodes a build's images after every page has
 * rendered, two at a time: at 10 000 documents that was a fifth of a cold build, and the
 * machine was idle for a quarter of the render before it. Here a page's images are queued as
 * it asks for them (components/ResponsiveImage.astro) and encoded one at a time beside the
 * render, from the build's copy of the upload. Astro's turn (image-service.ts) takes what is
 * done and encodes the rest itself; a job not started by then is dropped, and one that failed
 * is encoded by Astro, which reports the failure.
 *
 * Astro keeps what it encoded in its cache and does not ask for it again: each encoding this
 * cache's builds made leaves a mark in `encoded/` (a file named by a digest of it, so a build
 * looks up only the images its pages ask for, however many the office has published), and
 * those are not queued (a publish encodes nothing).
 */
export class EarlyImages {
  private readonly dir: string;
  private readonly marks: string;
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = false;
  /** The upload the last job read: a photo's encodings are queued one after another. */
  private last?: { file: string; bytes: Promise<Buffer> };

  /** `cacheDir`: the build's cache, which holds the copies of uploads the encodings start from. */
  constructor(readonly cacheDir: string) {
    this.dir = path.join(cacheDir, 'newsroom-images');
    this.marks = path.join(this.dir, 'encoded');
    // What an earlier build encoded early and Astro did not take (it had it cached after all).
    fs.rmSync(path.join(this.dir, 'early'), { recursive: true, force: true });
    fs.mkdirSync(path.join(this.dir, 'early'), { recursive: true });
    fs.mkdirSync(this.marks, { recursive: true });
  }

  /** Queues an encoding a page asked for, from `original` (a file), unless it was encoded before. */
  queue(original: string, transform: ImageTransform) {
    const key = transformKey(transform);
    if (this.jobs.has(key) || fs.existsSync(this.markOf(key))) return;
    const job: Job = { key, original, transform };
    this.jobs.set(key, job);
    this.waiting.push(job);
    this.next();
  }

  /** What was encoded early for `transform`, or null: Astro encodes it. */
  async take(transform: ImageTransform): Promise<Encoded | null> {
    const job = this.jobs.get(transformKey(transform));
    if (!job) return null;
    this.jobs.delete(job.key);
    if (!job.done) {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      return null;
    }
    const result = await job.done;
    if (!result) return null;
    const data = await fs.promises.readFile(result.file);
    await fs.promises.rm(result.file, { force: true });
    return { data, format: result.format };
  }

  /** Notes an encoding Astro keeps in its cache from now on. */
  encoded(transform: ImageTransform) {
    fs.writeFileSync(this.markOf(transformKey(transform)), '', { flag: 'a' });
  }

  private markOf(key: string) {
    return path.join(this.marks, digest(key));
  }

  private read(file: string): Promise<Buffer> {
    if (this.last?.file !== file) this.last = { file, bytes: fs.promises.readFile(file) };
    return this.last.bytes;
  }

  private next() {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = true;
    job.done = this.encode(job).finally(() => {
      this.running = false;
      this.next();
    });
  }

  private async encode(job: Job) {
    try {
      const { data, format } = await encodeImage(await this.read(job.original), job.transform);
      const file = path.join(this.dir, 'early', digest(job.key));
      await fs.promises.writeFile(file, data);
      return { file, format };
    } catch {
      // Astro encodes it again from the CMS's file, and reports what fails then.
      return null;
    }
  }
}

/** The build's early images; null outside a build (`astro dev` encodes as it is asked). */
export function earlyImages(): EarlyImages | null {
  const plan = buildSession().plan;
  return plan ? perBuild('early images', () => new EarlyImages(plan.cacheDir)) : null;
}

/**
 * Queues a page's encodings of an upload (`images`, as getImage() answered them), from the
 * build's copy of it. An upload kept in object storage has no copy: Astro fetches it.
 */
export function encodeSoon(media: { publicUrl?: string }, images: Array<{ options: unknown }>) {
  const early = earlyImages();
  if (!early || !media.publicUrl) return;
  const original = copyInCache(early.cacheDir, media.publicUrl);
  for (const image of images) early.queue(original, image.options as ImageTransform);
}
