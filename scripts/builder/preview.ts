import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { verifyPreview, type BuildPlan, type PreviewTarget } from '@newsroom/shared-types';
import { planEnvironment } from './build-plan';
import { defaultBuildCommand, type BuilderConfig } from './config';
import { runCommand } from './run-command';

/** Preview builds kept on disk, newest first; an unchanged draft is shown again at once. */
const KEEP = 10;

export type PreviewResult =
  { status: 200; html: string } | { status: 202 } | { status: 403 | 404 | 502; message: string };

/** Seconds between two looks of the page that says the preview is being rendered. */
export const PREVIEW_RETRY_SECONDS = 1;

/**
 * What the preview answers while it renders (a few seconds): a page that says so in the
 * office's languages and looks again by itself, instead of a blank wait.
 */
export const RENDERING_PAGE = `<!doctype html><html lang="sq"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="${PREVIEW_RETRY_SECONDS}"><title>Pamja paraprake po përgatitet · Pregled se priprema · Preparing the preview</title><style>body{font:1.0625rem/1.6 system-ui,sans-serif;margin:2rem;color:#1b1f24}</style></head><body><main><h1>Pamja paraprake po përgatitet…</h1><p lang="sr-Latn">Pregled se priprema…</p><p lang="en">Preparing the preview…</p></main></body></html>`;

const htmlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? htmlFiles(path.join(dir, d.name)) : d.name === 'index.html' ? [path.join(dir, d.name)] : [],
    );

/**
 * Renders one draft with the site's own templates: a site build in preview mode that
 * holds only that draft (and the people, tags and governments its page names), in a
 * folder of its own under BUILDS_DIR/.preview — never in a public build.
 */
export class PreviewRenderer {
  private running = new Map<string, Promise<void>>();
  /** Why a preview's build failed, kept for the next look of the page that waits for it. */
  private failed = new Map<string, string>();

  constructor(private config: BuilderConfig) {}

  get root() {
    return path.join(this.config.BUILDS_DIR, '.preview');
  }

  async render(target: PreviewTarget, token: string): Promise<PreviewResult> {
    const secret = this.config.PREVIEW_SECRET;
    if (!secret || !(await verifyPreview(secret, target, token))) {
      return {
        status: 403,
        message: 'This preview link is not valid or has expired. Open the preview again from the admin.',
      };
    }
    const query = new URLSearchParams({ expires: String(target.expires), token });
    const url = `${this.config.CMS_URL}/newsroom/preview/${encodeURIComponent(target.type)}/${encodeURIComponent(target.documentId)}/${encodeURIComponent(target.locale)}?${query}`;
    const response = await fetch(url).catch((error: Error) => ({
      ok: false,
      status: 502,
      json: () => Promise.resolve({ error: { message: error.message } }),
    }));
    const body = (await response.json().catch(() => ({}))) as {
      data?: { updatedAt: string };
      error?: { message: string };
    };
    if (!response.ok || !body.data) {
      const status = response.status === 403 || response.status === 404 ? response.status : 502;
      return { status, message: body.error?.message ?? `The CMS did not return the draft (${response.status}).` };
    }
    const key = createHash('sha256')
      .update(`${target.type}:${target.documentId}:${target.locale}:${body.data.updatedAt}`)
      .digest('hex')
      .slice(0, 16);
    const dir = path.join(this.root, key);
    const failure = this.failed.get(key);
    if (failure !== undefined) {
      this.failed.delete(key);
      return { status: 502, message: `The preview could not be built: ${failure.slice(-2000)}` };
    }
    if (!fs.existsSync(path.join(dir, 'done'))) {
      if (!this.running.has(key)) this.start(dir, key, { type: target.type, entry: body.data });
      return { status: 202 };
    }
    const page = htmlFiles(path.join(dir, 'out')).find((f) =>
      fs.readFileSync(f, 'utf8').includes(`data-type="${target.type}" data-document="${target.documentId}"`),
    );
    if (!page) return { status: 404, message: 'The draft has no page to preview (is its slug set?).' };
    fs.utimesSync(dir, new Date(), new Date());
    return { status: 200, html: fs.readFileSync(page, 'utf8') };
  }

  /** A file of a preview build (its images, files, icon), relative to `root`, or null. */
  asset(key: string, file: string): string | null {
    if (!/^[0-9a-f]{16}$/.test(key)) return null;
    const base = path.join(this.root, key, 'out');
    const full = path.resolve(base, file);
    return full.startsWith(`${base}${path.sep}`) && fs.existsSync(full) && fs.statSync(full).isFile()
      ? path.relative(this.root, full)
      : null;
  }

  /** Builds in the background; the page that waits looks again until it is done or failed. */
  private start(dir: string, key: string, preview: { type: string; entry: unknown }) {
    const building = this.build(dir, key, preview)
      .catch((error: Error) => {
        console.error(`The preview ${key} could not be built: ${error.message}`);
        this.failed.set(key, error.message);
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, building);
  }

  /** Resolves when every preview under way is built or has failed (for tests and shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.running.values());
  }

  private async build(dir: string, key: string, preview: { type: string; entry: unknown }) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const entryFile = path.join(dir, 'entry.json');
    fs.writeFileSync(entryFile, JSON.stringify(preview));
    const plan: BuildPlan = {
      id: `preview-${key}`,
      outDir: path.join(dir, 'out'),
      cacheDir: path.join(dir, 'cache'),
      reportFile: path.join(dir, 'report.json'),
      refetch: 'changed',
      preview: { entryFile, assetsPrefix: `/preview-assets/${key}` },
    };
    await runCommand(
      this.config.BUILD_COMMAND
        ? ['/bin/sh', '-c', this.config.BUILD_COMMAND]
        : defaultBuildCommand(this.config.BUILD_HEAP_MB),
      {
        timeoutMs: this.config.BUILD_TIMEOUT_MS,
        env: planEnvironment(plan, path.join(dir, 'plan.json'), { ...process.env, CMS_URL: this.config.CMS_URL }),
      },
    );
    fs.rmSync(path.join(dir, 'cache'), { recursive: true, force: true });
    fs.writeFileSync(path.join(dir, 'done'), new Date().toISOString());
    this.prune();
  }

  private prune() {
    const dirs = fs
      .readdirSync(this.root)
      .map((name) => ({ name, at: fs.statSync(path.join(this.root, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of dirs.slice(KEEP))
      if (!this.running.has(old.name)) fs.rmSync(path.join(this.root, old.name), { recursive: true, force: true });
  }
}
