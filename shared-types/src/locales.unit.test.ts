import { describe, expect, it } from 'vitest';
import { homeForLanguages } from './locales';

describe("the home for a reader's languages", () => {
  it('is the first language the browser lists that the site has, whatever its region, script or case', () => {
    expect(homeForLanguages('de-DE,de;q=0.9,sr-Latn-RS;q=0.8,en;q=0.5')).toBe('/sr/');
    expect(homeForLanguages('en-GB,sq;q=0.9')).toBe('/en/');
    expect(homeForLanguages('SQ')).toBe('/sq/');
    expect(homeForLanguages(' en ; q=0.5')).toBe('/en/');
  });

  it("is none for a reader with none of the site's languages, or a tag that only starts like one", () => {
    expect(homeForLanguages(undefined)).toBeNull();
    expect(homeForLanguages('')).toBeNull();
    expect(homeForLanguages('fr-FR,de;q=0.5')).toBeNull();
    expect(homeForLanguages('srx,enq')).toBeNull();
  });
});
