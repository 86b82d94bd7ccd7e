import { describe, expect, it } from 'vitest';
import { photoSvg } from './media';

describe('the demo photos', () => {
  it('carry no words, which would show in English on the Albanian and Serbian pages', () => {
    const svg = photoSvg('Power lines in winter', 25);
    expect(svg).not.toMatch(/<text|Power lines/);
  });

  it('differ by their label, the same on every run', () => {
    expect(photoSvg('Government meeting', 200)).not.toBe(photoSvg('Press conference', 200));
    expect(photoSvg('Government meeting', 200)).toBe(photoSvg('Government meeting', 200));
  });
});
