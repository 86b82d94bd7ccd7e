import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A managed page names its route to `selectPaths` (lib/incremental.ts), which makes each path's
 * file from it. A route that is not the page's own would name files the page never writes: the
 * page would render on every build, and nothing else would say so.
 */
const pages = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages');

/** `[lang]/[section]/[slug].astro` → `/[lang]/[section]/[slug]/`; `[lang]/rss.xml.ts` → `/[lang]/rss.xml`. */
function routeOf(file: string): string {
  const rel = file.split(path.sep).join('/');
  if (rel.endsWith('.astro'))
    return `/${rel.replace(/\.astro$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/\/$/, '/');
  return `/${rel.replace(/\.ts$/, '')}`;
}

const managed = (fs.readdirSync(pages, { recursive: true }) as string[])
  .filter((f) => /\.(astro|ts)$/.test(f))
  .map((file) => ({ file, text: fs.readFileSync(path.join(pages, file), 'utf8') }))
  .filter(({ text }) => text.includes('selectPaths('));

describe('a managed page', () => {
  it('is found among the pages', () => {
    expect(managed.length).toBeGreaterThan(10);
  });

  it.each(managed.map(({ file, text }) => [file, text]))('%s names its own route to selectPaths', (file, text) => {
    const named = /selectPaths\(\s*'([^']+)'/.exec(text)?.[1];
    expect(named).toBe(routeOf(file));
  });
});
