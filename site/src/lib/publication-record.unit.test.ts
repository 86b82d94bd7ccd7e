import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '@newsroom/shared-types';
import { publicationRecord, recordFile } from './publication-record';
import type { Entry } from './entry';

const decomposed = 'Qeveria mirato\u0308n'; // "ö" as o and a combining diaeresis: the same text as NFC
const release = {
  id: 7,
  documentId: 'doc123',
  locale: 'sq',
  title: 'Qeveria miraton buxhetin',
  slug: 'qeveria-miraton-buxhetin',
  summary: 'Përmbledhje',
  issuedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:05:00.000Z',
  firstPublishedAt: '2026-11-20T10:01:00.000Z',
  body: [
    { type: 'paragraph', children: [{ type: 'text', text: decomposed }] },
    {
      type: 'list',
      format: 'unordered',
      children: [{ type: 'list-item', children: [{ type: 'text', text: 'pika' }] }],
    },
  ],
  attachments: [
    {
      name: 'buxheti.pdf',
      url: '/uploads/b.pdf',
      publicUrl: '/media/0123456789abcdef/b.pdf',
      sha256: 'ab'.repeat(32),
      mime: 'application/pdf',
    },
  ],
  leadImage: null,
  changeNotes: [{ id: 1, date: '2026-11-21', text: 'U korrigjua shuma.' }],
  withdrawal: null,
} as unknown as Entry;

describe('the record the office signs', () => {
  it('holds the item in one language: its text in NFC, its files by SHA-256, its notes and version', () => {
    const record = publicationRecord('release', 'sq', release);
    expect(record).toMatchObject({
      format: 'newsroom-record/1',
      type: 'release',
      documentId: 'doc123',
      locale: 'sq',
      date: '2026-11-20T10:00:00.000Z',
      firstPublished: '2026-11-20T10:01:00.000Z',
      changeNotes: [{ date: '2026-11-21', text: 'U korrigjua shuma.' }],
      withdrawal: null,
      version: '2026-11-20T10:05:00.000Z',
    });
    expect(record.url).toMatch(/\/sq\/komunikata\/qeveria-miraton-buxhetin\/$/);
    expect(record.text).toBe('Qeveria miratön\npika');
    expect(record.textSha256).toBe(crypto.createHash('sha256').update(normaliseText(record.text)).digest('hex'));
    expect(record.attachments).toEqual([
      {
        name: 'buxheti.pdf',
        url: expect.stringMatching(/\/media\/0123456789abcdef\/b\.pdf$/),
        sha256: 'ab'.repeat(32),
      },
    ]);
  });

  it('is the same bytes for the same content, whatever the order of the entry’s fields', () => {
    const reordered = Object.fromEntries(Object.entries(release).reverse()) as Entry;
    expect(recordFile('release', 'sq', reordered)).toEqual(recordFile('release', 'sq', release));
    const edited = { ...release, title: 'Qeveria miraton buxhetin e ri' } as Entry;
    expect(recordFile('release', 'sq', edited).sha256).not.toBe(recordFile('release', 'sq', release).sha256);
  });

  it('takes a campaign’s words from its text components', () => {
    const campaign = {
      ...release,
      summary: undefined,
      body: [
        {
          __component: 'blocks.text',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Kursejeni energjinë.' }] }],
        },
        { __component: 'blocks.call-to-action', url: 'https://example.org', label: 'Mëso më shumë' },
      ],
    } as unknown as Entry;
    expect(publicationRecord('campaign', 'sq', campaign).text).toBe('Kursejeni energjinë.');
  });
});
