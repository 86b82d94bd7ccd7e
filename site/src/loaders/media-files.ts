import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MEDIA_FOLDER } from '../../integrations/media-folder';
import { perBuild } from '../lib/build-scope';

/** A media file as the pages read it: Strapi's fields and, for an upload of the CMS, its copy on the site. */
export interface SiteMedia {
  url: string;
  size?: number;
  updatedAt?: string;
  /** Where the public site serves its copy: `/media/<sha-256, 16 hex>/<name>`. */
  publicUrl?: string;
  /** The SHA-256 of the copy, hex: the signed records name each file by it. */
  sha256?: string;
}

interface Copy {
  publicUrl: string;
  sha256: string;
}

interface Index {
  /** `<CMS URL><url>|size|updatedAt` of a file as the CMS gives it → its copy. */
  [version: string]: Copy;
}

const isUpload = (value: unknown): value is SiteMedia & { mime: string } =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as SiteMedia).url === 'string' &&
  typeof (value as { mime?: unknown }).mime === 'string' &&
  (value as SiteMedia).url.startsWith('/');

/** Where a build's cache holds a copy, by the address the site serves it at (`/media/<hash>/<name>`). */
export const copyInCache = (cacheDir: string, publicUrl: string) =>
  path.join(cacheDir, ...publicUrl.split('/').slice(1));

/**
 * Strapi names a file `<slug>_<random><ext>`; anything else is dropped from the copy's name,
 * and so are leading dots: `..` or `.` would name the folder the copy is in, not a file.
 */
const safeName = (url: string) =>
  path.posix
    .basename(url)
    .replace(/[^A-Za-z0-9._-]/g, '')
    .replace(/^\.+/, '') || 'file';

/**
 * The site's copies of the CMS's uploads, in `<cacheDir>/media/` under content-hashed
 * folders: the public site serves attachments, enclosures and originals from its own origin,
 * so the CMS and its admin need not be reachable from the internet. Uploads kept in public
 * object storage (absolute URLs) are linked where they are. A file is fetched once per
 * version (Strapi keeps the URL of a replaced file, not its time or size); the
 * build links each page's copies into its output (integrations/incremental.ts).
 */
export class MediaFiles {
  private readonly dir: string;
  private readonly indexFile: string;
  private readonly index: Index;
  private readonly pending = new Map<string, Promise<Copy>>();
  /** Whether a copy was made since the index was read: a publish without new uploads writes nothing. */
  private copied = false;

  constructor(
    private readonly cacheDir: string,
    private readonly cmsUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.dir = path.join(cacheDir, MEDIA_FOLDER);
    this.indexFile = path.join(this.dir, 'index.json');
    this.index = fs.existsSync(this.indexFile) ? (JSON.parse(fs.readFileSync(this.indexFile, 'utf8')) as Index) : {};
  }

  /** Gives every upload in `value` (at any depth) its `publicUrl`, fetching what is not copied yet. */
  async localize(value: unknown): Promise<void> {
    if (Array.isArray(value)) {
      for (const item of value) await this.localize(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (isUpload(value)) {
      Object.assign(value, await this.copyOf(value));
      return;
    }
    for (const child of Object.values(value)) await this.localize(child);
  }

  /** Writes the index; copies fetched since are found by the next build. */
  save(): void {
    if (!this.copied) return;
    fs.mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.indexFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.index));
    fs.renameSync(temporary, this.indexFile);
    this.copied = false;
  }

  private copyOf(media: SiteMedia): Promise<Copy> {
    const version = `${this.cmsUrl}${media.url}|${media.size ?? ''}|${media.updatedAt ?? ''}`;
    const known = this.index[version];
    // An index written before copies were hashed holds plain paths: those files are fetched once more.
    if (typeof known === 'object' && fs.existsSync(copyInCache(this.cacheDir, known.publicUrl)))
      return Promise.resolve(known);
    let fetching = this.pending.get(version);
    if (!fetching) {
      fetching = this.fetchCopy(media.url).then((copy) => {
        this.index[version] = copy;
        this.copied = true;
        return copy;
      });
      fetching.finally(() => this.pending.delete(version)).catch(() => {});
      this.pending.set(version, fetching);
    }
    return fetching;
  }

  private async fetchCopy(url: string): Promise<Copy> {
    const source = `${this.cmsUrl}${url}`;
    let response: Response;
    try {
      response = await this.fetchImpl(source);
    } catch (error) {
      throw new Error(
        `Could not fetch the upload ${source} (${(error as Error).message}). Is the CMS running, and is CMS_URL right?`,
      );
    }
    if (!response.ok)
      throw new Error(
        `The CMS answered ${response.status} for the upload ${source}; a published entry links a file the CMS does not serve.`,
      );
    const bytes = Buffer.from(await response.arrayBuffer());
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const folder = sha256.slice(0, 16);
    const name = safeName(url);
    const file = path.join(this.dir, folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
    return { publicUrl: `/${MEDIA_FOLDER}/${folder}/${name}`, sha256 };
  }
}

/**
 * One instance per cache folder in a build: the loaders of all types share its index and
 * downloads. Each build reads the index afresh: the loaders run as Astro's collections in one
 * build and from the kept page code in another (integrations/kept-code.ts), each a module of its
 * own, and an index one of them kept in memory would miss what the other saved.
 */
export function openMediaFiles(cacheDir: string, cmsUrl: string, fetchImpl: typeof fetch = fetch): MediaFiles {
  return perBuild(`media files:${cacheDir}\0${cmsUrl}`, () => new MediaFiles(cacheDir, cmsUrl, fetchImpl));
}
