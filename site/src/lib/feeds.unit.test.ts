import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { channelData, feedGuid, feedItem } from './feeds';
import { recordFile } from './publication-record';
import type { Entry } from './entry';

const release = {
  id: 7,
  documentId: 'doc123',
  locale: 'sq',
  title: 'Qeveria miraton buxhetin',
  slug: 'qeveria-miraton-buxhetin',
  summary: 'Përmbledhje <me shenja>',
  issuedAt: '2026-11-20T10:00:00.000Z',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Teksti <i>i plotë</i>' }] }],
  leadImage: {
    url: '/uploads/lead.jpg',
    publicUrl: '/media/0123456789abcdef/lead.jpg',
    mime: 'image/jpeg',
    size: 120.5,
    width: 1600,
    height: 1067,
  },
  leadImageAlt: 'Mbledhja',
  tags: [{ documentId: 't1' }],
} as unknown as Entry;

const ctx = {
  site: 'https://kryeministri.example',
  tagNames: () => ['Buxheti'],
  sectionName: 'Komunikata',
  updatedLabel: (date: string) => `Përditësuar ${date}:`,
};

describe('feed items', () => {
  it('carry the full text, the link, the date and the categories', () => {
    const item = feedItem('release', release, ctx);
    expect(item.link).toBe('https://kryeministri.example/sq/komunikata/qeveria-miraton-buxhetin/');
    expect(item.pubDate?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(item.content).toBe('<p>Teksti &lt;i&gt;i plotë&lt;/i&gt;</p>');
    expect(item.categories).toEqual(['Komunikata', 'Buxheti']);
  });

  it('link the signature of the version they show, by its record’s hash', () => {
    const { sha256 } = recordFile('release', 'sq', release);
    expect(feedItem('release', release, ctx).customData).toContain(
      `<atom:link rel="signature" type="application/json" href="https://kryeministri.example/.well-known/newsroom-signatures/${sha256}.json"/>`,
    );
  });

  it('use a guid from the document and language, never the slug', () => {
    const item = feedItem('release', release, ctx);
    expect(item.customData).toContain('<guid isPermaLink="false">urn:newsroom:release:doc123:sq</guid>');
    const renamed = { ...release, slug: 'changed' };
    expect(feedGuid('release', renamed)).toBe(feedGuid('release', release));
    expect(feedGuid('release', { ...release, locale: 'en' })).not.toBe(feedGuid('release', release));
  });

  it('move up with the note when a change note records a major change', () => {
    const corrected = {
      ...release,
      changeNotes: [
        { id: 1, date: '2026-11-22', text: 'U korrigjua shifra.' },
        { id: 2, date: '2026-11-21', text: 'E para.' },
      ],
    } as Entry;
    const item = feedItem('release', corrected, ctx);
    expect(item.pubDate?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(item.description).toBe('Përditësuar 2026-11-22: U korrigjua shifra. — Përmbledhje <me shenja>');
    expect(item.content).toMatch(/^<p><strong>Përditësuar 2026-11-22: U korrigjua shifra\.<\/strong><\/p><p>Teksti/);
    expect(item.customData).toContain(
      '<guid isPermaLink="false">urn:newsroom:release:doc123:sq:updated:2026-11-22</guid>',
    );
  });

  it('stay where they were after a minor change, which has no note', () => {
    const typoFixed = {
      ...release,
      title: 'Qeveria miraton buxhetin.',
      updatedAt: '2026-11-25T08:00:00.000Z',
    } as Entry;
    const item = feedItem('release', typoFixed, ctx);
    expect(item.pubDate?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(item.customData).toContain('<guid isPermaLink="false">urn:newsroom:release:doc123:sq</guid>');
  });

  it('attach the lead image as an enclosure with its length in bytes and its type', () => {
    expect(feedItem('release', release, ctx).enclosure).toEqual({
      url: 'https://kryeministri.example/media/0123456789abcdef/lead.jpg',
      length: 123392,
      type: 'image/jpeg',
    });
  });

  it('give decisions their documents as full text', () => {
    const decision = {
      ...release,
      adoptedOn: '2026-11-19',
      body: undefined,
      documents: [{ url: '/uploads/d.pdf', publicUrl: '/media/fedcba9876543210/d.pdf', name: 'Vendimi & aneksi.pdf' }],
    } as unknown as Entry;
    expect(feedItem('decision', decision, ctx).content).toContain(
      '<li><a href="https://kryeministri.example/media/fedcba9876543210/d.pdf">Vendimi &amp; aneksi.pdf</a></li>',
    );
  });

  it('declare the channel language and its own address', () => {
    const data = channelData('sr-Latn', 'https://kryeministri.example/sr/rss.xml');
    expect(XMLValidator.validate(`<c xmlns:atom="http://www.w3.org/2005/Atom">${data}</c>`)).toBe(true);
    expect(data).toContain('<language>sr-Latn</language>');
    expect(data).toContain('rel="self"');
  });
});

describe('campaign feed items', () => {
  it('carry the tagline, the text blocks and the call to action', () => {
    const campaign = {
      ...release,
      startsOn: '2026-11-01',
      tagline: 'Save energy',
      body: [
        { __component: 'blocks.text', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Tips' }] }] },
        {
          __component: 'blocks.call-to-action',
          heading: 'Apply',
          label: 'Apply now',
          url: 'https://e.example/?a=1&b=2',
        },
      ],
    } as unknown as Entry;
    expect(feedItem('campaign', campaign, ctx).content).toBe(
      '<p>Save energy</p><p>Tips</p><p><a href="https://e.example/?a=1&amp;b=2">Apply now</a></p>',
    );
  });
});
