import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES, LOCALES, type ContentTypeKey } from '@newsroom/shared-types';
import { PROPORTIONS } from './corpus';

type Row = Record<string, any>;

const blocksText = (blocks: unknown): string =>
  Array.isArray(blocks)
    ? blocks
        .map((b: { children?: Array<{ text?: string }> }) => (b.children ?? []).map((c) => c.text ?? '').join(''))
        .join('\n\n')
    : '';

const TEMPLATES: Record<string, string> = {
  'layouts/_default/baseof.html': `<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}</head>
<body><header><a href="{{ site.Home.RelPermalink }}">Office</a><nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>`,
  'layouts/_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .Params.image }}{{ with resources.Get . }}<picture>{{ $w := .Resize "960x webp" }}{{ $s := .Resize "480x webp" }}{{ $j := .Resize "960x jpg" }}<source type="image/webp" srcset="{{ $s.RelPermalink }} 480w, {{ $w.RelPermalink }} 960w"><img src="{{ $j.RelPermalink }}" width="{{ $j.Width }}" height="{{ $j.Height }}" alt=""></picture>{{ end }}{{ end }}
<p>{{ .Summary }}</p>{{ .Content }}</article>{{ end }}`,
  'layouts/_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}`,
};

/**
 * The same published corpus as Markdown for Hugo, with templates doing what ours do: a
 * page per item per locale with its lead image resized, paged list pages, RSS per locale
 * and section, hreflang alternates.
 */
export async function exportForHugo(strapi: Core.Strapi, dir: string, uploadsDir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  const languages = Object.fromEntries(
    LOCALES.map((l, i) => [l.prefix, { languageCode: l.code, contentDir: `content/${l.prefix}`, weight: i + 1 }]),
  );
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      baseURL: 'https://site.example/',
      defaultContentLanguage: 'sq',
      defaultContentLanguageInSubdir: true,
      languages,
      paginate: 20,
      disableKinds: ['taxonomy', 'term'],
      outputs: { home: ['HTML', 'RSS'], section: ['HTML', 'RSS'] },
    }),
  );
  for (const [file, body] of Object.entries(TEMPLATES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), body);
  }
  fs.cpSync(uploadsDir, path.join(dir, 'assets', 'uploads'), { recursive: true });
  let pages = 0;
  for (const [type] of PROPORTIONS as Array<[ContentTypeKey, number]>) {
    const declaration = CONTENT_TYPES[type] as { uid: string; sections: Record<string, string>; dateField: string };
    const rows = (await strapi.db.query(declaration.uid as never).findMany({
      where: { publishedAt: { $notNull: true } },
      populate: type === 'release' ? { leadImage: true } : {},
    })) as Row[];
    for (const row of rows) {
      const locale = LOCALES.find((l) => l.code === row.locale)!;
      const section = declaration.sections[locale.code];
      const file = path.join(dir, 'content', locale.prefix, section, `${row.slug}.md`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const front = {
        title: row.title,
        date: new Date(row[declaration.dateField]).toISOString(),
        summary: row.summary ?? '',
        translationKey: row.documentId,
        ...(row.leadImage ? { image: row.leadImage.url.replace(/^\//, '') } : {}),
      };
      fs.writeFileSync(file, `${JSON.stringify(front, null, 1)}\n\n${blocksText(row.body)}\n`);
      pages += 1;
    }
  }
  return pages;
}

export const hugoAvailable = () => spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;

/** A cold Hugo build (no resource cache), in milliseconds. */
export function hugoBuild(dir: string): number {
  fs.rmSync(path.join(dir, 'public'), { recursive: true, force: true });
  fs.rmSync(path.join(dir, 'resources'), { recursive: true, force: true });
  const started = performance.now();
  execFileSync('hugo', ['--quiet', '--source', dir, '--cacheDir', path.join(dir, '.hugo-cache-cold')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = Math.round(performance.now() - started);
  fs.rmSync(path.join(dir, '.hugo-cache-cold'), { recursive: true, force: true });
  return ms;
}
