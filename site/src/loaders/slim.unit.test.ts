import { describe, expect, it } from 'vitest';
import { slim } from './slim';

const photo = {
  id: 3,
  documentId: 'img1',
  name: 'photo.jpg',
  alternativeText: 'The minister',
  caption: null,
  width: 1200,
  height: 800,
  url: '/uploads/photo.jpg',
  mime: 'image/jpeg',
  ext: '.jpg',
  size: 16.04,
  hash: 'photo_abc',
  formats: {
    thumbnail: { url: '/uploads/thumbnail_photo.jpg', width: 234, height: 156, mime: 'image/jpeg', size: 2.4 },
  },
  provider: 'local',
  provider_metadata: null,
  previewUrl: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe('an entry as the loader keeps it', () => {
  it('keeps what the pages read of every media file, at any depth, and drops formats and provider details', () => {
    const entry = {
      title: 'A release',
      leadImage: photo,
      people: [{ name: 'Minister', portrait: photo }],
      gallery: [photo],
      body: [{ type: 'paragraph', children: [{ text: 'x' }] }],
    };
    const kept = slim(entry);
    const expected = {
      id: 3,
      documentId: 'img1',
      name: 'photo.jpg',
      alternativeText: 'The minister',
      caption: null,
      width: 1200,
      height: 800,
      url: '/uploads/photo.jpg',
      mime: 'image/jpeg',
      ext: '.jpg',
      size: 16.04,
      hash: 'photo_abc',
      formats: null,
    };
    expect(kept.leadImage).toEqual(expected);
    expect(kept.people[0]).toEqual({ name: 'Minister', portrait: expected });
    expect(kept.gallery).toEqual([expected]);
    expect(kept.body).toEqual(entry.body);
    expect(kept.title).toBe('A release');
  });

  it('leaves objects that only look like media alone', () => {
    const link = { url: 'https://example.org', mime: 'text/html', label: 'Source' };
    expect(slim({ link })).toEqual({ link });
  });
});
