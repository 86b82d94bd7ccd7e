import fs from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Algolia refuses records over 10 KB; the body is cut to keep each record under this. */
export const RECORD_LIMIT_BYTES = 9_500;

export interface SearchRecord {
  objectID: string;
  locale: string;
  type: string;
  title: string;
  summary: string;
  body: string;
  section: string;
  date: string | null;
  timestamp: number;
  people: string[];
  tags: string[];
  url: string;
  image: string | null;
}

const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const bytes = (record: SearchRecord) => Buffer.byteLength(JSON.stringify(record));

/** Cuts the body, at a word, until the whole record fits the limit. */
export function fitRecord(record: SearchRecord, limit = RECORD_LIMIT_BYTES): SearchRecord {
  if (bytes(record) <= limit) return record;
  const overhead = bytes({ ...record, body: '' });
  let body = record.body;
  while (body && Buffer.byteLength(JSON.stringify(body)) > limit - overhead) {
    body = body.slice(0, Math.floor(body.length * 0.9)).replace(/\s+\S*$/, '');
  }
  return { ...record, body: body ? `${body}…` : '' };
}

/**
 * The search record of one built item page (what carries `data-pagefind-body`), or null
 * for any other page. Built from the published site, so a draft can never become a record.
 */
export function recordFromHtml(html: string): SearchRecord | null {
  const root = parse(html);
  const article = root.querySelector('article[data-pagefind-body]');
  if (!article) return null;
  const type = article.getAttribute('data-type') ?? '';
  const documentId = article.getAttribute('data-document') ?? '';
  const date =
    article
      .querySelector('[data-pagefind-sort]')
      ?.getAttribute('data-pagefind-sort')
      ?.replace(/^date:/, '') ?? null;
  return fitRecord({
    objectID: `${type}:${documentId}`,
    locale: root.querySelector('html')?.getAttribute('lang') ?? '',
    type,
    title: text(article.querySelector('h1')),
    summary: text(article.querySelector('.summary')),
    body: text(article.querySelector('.prose')),
    section: text(article.querySelector('.kicker')).split(' · ')[0],
    date,
    timestamp: date ? Math.floor(Date.parse(date) / 1000) : 0,
    people: article.querySelectorAll('[data-person]').map((el) => el.getAttribute('data-person')!),
    tags: article.querySelectorAll('.tags a').map((a) => text(a)),
    url: root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
    image: root.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? null,
  });
}

/** Every record of a built site, grouped by locale. */
export function recordsOfSite(dir: string): Map<string, SearchRecord[]> {
  const byLocale = new Map<string, SearchRecord[]>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') {
        const record = recordFromHtml(fs.readFileSync(full, 'utf8'));
        if (record) byLocale.set(record.locale, [...(byLocale.get(record.locale) ?? []), record]);
      }
    }
  };
  walk(dir);
  return byLocale;
}
