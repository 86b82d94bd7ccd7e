import { describe, expect, it } from 'vitest';
import { fitRecord, recordFromHtml, RECORD_LIMIT_BYTES } from './records';
import { itemPage } from './fixtures';

describe('search records', () => {
  it('are built from an item page with everything a search result shows', () => {
    expect(recordFromHtml(itemPage())).toEqual({
      objectID: 'release:doc1',
      locale: 'en',
      type: 'release',
      title: 'Budget approved',
      summary: 'The summary.',
      body: 'Body text.',
      section: 'Press release',
      date: '2026-11-27T14:00:00.000Z',
      timestamp: Date.parse('2026-11-27T14:00:00.000Z') / 1000,
      people: ['Driton Gashi'],
      tags: ['Budget'],
      url: 'https://site.example/en/press-releases/budget/',
      image: 'https://cms.example/uploads/a.jpg',
    });
  });

  it('are one per item and locale: the same document in two languages gives two records', () => {
    const sq = recordFromHtml(itemPage({ lang: 'sq' }))!;
    const en = recordFromHtml(itemPage({ lang: 'en' }))!;
    expect([sq.locale, en.locale]).toEqual(['sq', 'en']);
    expect(sq.objectID).toBe(en.objectID);
  });

  it('come only from item pages, never from lists, home or 404 pages', () => {
    expect(recordFromHtml('<html lang="en"><body><main><h1>Press releases</h1></main></body></html>')).toBeNull();
  });

  it('cut a long body at a word so the record stays under Algolia’s size limit', () => {
    const record = recordFromHtml(itemPage({ body: 'čuvar '.repeat(5000) }))!;
    expect(Buffer.byteLength(JSON.stringify(record))).toBeLessThanOrEqual(RECORD_LIMIT_BYTES);
    expect(record.body.endsWith('čuvar…')).toBe(true);
    const small = recordFromHtml(itemPage())!;
    expect(fitRecord(small)).toBe(small);
  });
});
