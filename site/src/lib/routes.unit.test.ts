import { describe, expect, it } from 'vitest';
import {
  archivePath,
  calendarPath,
  feedPath,
  homePath,
  itemPath,
  openDataPath,
  PAGE_TYPES,
  sectionParams,
  sectionPath,
  specialPath,
  DATED_TYPES,
  FEED_TYPES,
} from './routes';

describe('routes', () => {
  it('build each locale’s paths with its prefix and translated section', () => {
    expect(homePath('sr-Latn')).toBe('/sr/');
    expect(sectionPath('release', 'sq')).toBe('/sq/komunikata/');
    expect(sectionPath('release', 'sr-Latn')).toBe('/sr/saopstenja/');
    expect(itemPath('release', 'en', 'budget-2027')).toBe('/en/press-releases/budget-2027/');
    expect(archivePath('decision', 'sq', 2026, 3)).toBe('/sq/vendime/2026/03/');
    expect(feedPath('en')).toBe('/en/rss.xml');
    expect(feedPath('sq', 'speech')).toBe('/sq/fjalime/rss.xml');
    expect(calendarPath('en')).toBe('/en/agenda/calendar.ics');
    expect(openDataPath('sr-Latn', 'csv')).toBe('/sr/odluke/decisions.csv');
    expect(specialPath('feeds', 'sq')).toBe('/sq/abonohu/');
  });

  it('encode a slug that is not plain ASCII', () => {
    expect(itemPath('tag', 'en', 'a b')).toBe('/en/tags/a%20b/');
  });

  it('give every section of every locale a distinct path', () => {
    const params = sectionParams();
    expect(params).toHaveLength(PAGE_TYPES.length * 3);
    expect(new Set(params.map((p) => `${p.lang}/${p.section}`)).size).toBe(params.length);
  });

  it('list the dated and the feed sections', () => {
    expect(DATED_TYPES).toEqual(['release', 'speech', 'statement', 'decision', 'gallery', 'campaign', 'agendaItem']);
    expect(FEED_TYPES).toEqual(expect.arrayContaining(['release', 'speech', 'statement', 'decision', 'gallery']));
    expect(FEED_TYPES).not.toContain('agendaItem');
  });
});
