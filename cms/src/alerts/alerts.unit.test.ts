import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '@newsroom/shared-types';
import { shapeOf } from '../i18n/catalog';
import { changesBetween, type PublishedVersion } from './changes';
import { digestWindow } from './fanout';
import { parseRequest } from './subscriptions';
import { MESSAGES } from './texts';

const NOW = Date.parse('2026-12-01T10:00:00Z');
const version = (extra: Partial<PublishedVersion> = {}): PublishedVersion => ({
  id: 1,
  documentId: 'abcdefghijklmnopqrstuvwx',
  locale: 'en',
  publishedAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
  firstPublishedAt: '2026-12-01T09:00:00Z',
  changeNotes: [],
  withdrawal: null,
  ...extra,
});
const kinds = (before: PublishedVersion | undefined, after: PublishedVersion) =>
  changesBetween(before, after, NOW).map((c) => c.kind);

describe('the alerts’ texts', () => {
  it('have every key in every language, and the same placeholders', () => {
    for (const locale of LOCALE_CODES) expect(shapeOf(MESSAGES, locale), locale).toEqual(shapeOf(MESSAGES, 'en'));
  });
});

describe('what a publish tells subscribers', () => {
  it('tells of a first publication once, and of nothing when it is published again unchanged or with a typo fixed', () => {
    expect(kinds(undefined, version())).toEqual(['published']);
    expect(kinds(version(), version({ summary: 'typo fixed' }))).toEqual([]);
  });

  it('tells of each new change note and of a withdrawal, and of no note it already told', () => {
    const note = { date: '2026-12-01', text: 'The date was wrong.' };
    const corrected = version({ changeNotes: [note] });
    expect(changesBetween(version(), corrected, NOW)).toMatchObject([
      { kind: 'corrected', note: 'The date was wrong.' },
    ]);
    expect(kinds(corrected, version({ changeNotes: [note] }))).toEqual([]);
    const withdrawn = version({ withdrawal: { explanation: 'Superseded by the new plan.' } });
    expect(changesBetween(corrected, { ...withdrawn, changeNotes: [note] }, NOW)).toMatchObject([
      { kind: 'withdrawn', note: 'Superseded by the new plan.' },
    ]);
  });

  it('does not announce an archive brought in, first published long ago', () => {
    expect(kinds(undefined, version({ firstPublishedAt: '2019-05-04T08:00:00Z' }))).toEqual([]);
  });
});

describe('a subscription asked for', () => {
  it('takes one topic or several, spelled as a form or JSON sends them, and the address in lower case', () => {
    expect(parseRequest({ email: ' Ana@Example.ORG', topics: 'release' })).toEqual({
      data: { email: 'ana@example.org', topics: ['release'], frequency: 'immediate' },
    });
    expect(
      parseRequest({ email: 'a@b.org', topics: ['all', 'all', 'item:abcdefghijklmnopqrstuvwx'], frequency: 'daily' }),
    ).toEqual({
      data: { email: 'a@b.org', topics: ['all', 'item:abcdefghijklmnopqrstuvwx'], frequency: 'daily' },
    });
  });

  it('refuses unknown topics, frequencies and addresses, naming the field', () => {
    expect(parseRequest({ email: 'a@b.org', topics: ['person'] })).toEqual({ errors: { topics: 'error.topics' } });
    expect(parseRequest({ email: 'a@b.org', topics: { $in: ['all'] } })).toEqual({
      errors: { topics: 'error.topics' },
    });
    expect(parseRequest({ email: 'a@b.org', topics: 'item:../x' })).toEqual({ errors: { topics: 'error.topics' } });
    expect(parseRequest({ email: ['a@b.org'], topics: 'all', frequency: 'hourly' })).toEqual({
      errors: { email: 'error.email', frequency: 'error.frequency' },
    });
  });
});

describe('the daily digest', () => {
  it('covers from one office digest time to the next, across both clock changes', () => {
    const hours = (day: string) => {
      const { from, to } = digestWindow(day, '08:00');
      return (to - from) / 3_600_000;
    };
    expect(hours('2026-12-01')).toBe(24);
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(new Date(digestWindow('2026-07-01', '08:00').to).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(new Date(digestWindow('2026-12-01', '08:00').to).toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });
});
