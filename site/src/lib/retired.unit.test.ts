import { describe, expect, it } from 'vitest';
import { nginxMap, redirectsFile } from '@newsroom/shared-types';
import { retiredRules } from './retired';

const gone = {
  contentType: 'release',
  pageLocale: 'en',
  slug: 'published-in-error',
  reason: 'published-in-error',
  redirectTo: null,
} as const;
const merged = {
  contentType: 'release',
  pageLocale: 'sq',
  slug: 'e-bashkuar',
  reason: 'consolidated',
  redirectTo: '/sq/komunikata/e-re/',
} as const;

describe('retired addresses', () => {
  it('answer 410 when published in error, and redirect when consolidated', () => {
    expect(retiredRules([merged, gone], new Set())).toEqual([
      { path: '/en/press-releases/published-in-error/', status: 410 },
      { path: '/sq/komunikata/e-bashkuar/', status: 301, to: '/sq/komunikata/e-re/' },
    ]);
  });

  it('give way to a live page at the same address, and ignore types without pages', () => {
    const live = new Set(['/en/press-releases/published-in-error/']);
    expect(retiredRules([gone, { ...gone, contentType: 'government' }], live)).toEqual([]);
  });

  it('answer 410 for a consolidated item whose editor gave no address yet', () => {
    expect(retiredRules([{ ...merged, redirectTo: null }], new Set())).toEqual([
      { path: '/sq/komunikata/e-bashkuar/', status: 410 },
    ]);
  });

  it('are written for static hosts and for nginx, with and without the trailing slash', () => {
    const rules = retiredRules([gone, merged], new Set());
    expect(redirectsFile(rules)).toBe(
      [
        '/en/press-releases/published-in-error/ /en/press-releases/published-in-error/ 410',
        '/en/press-releases/published-in-error /en/press-releases/published-in-error 410',
        '/sq/komunikata/e-bashkuar/ /sq/komunikata/e-re/ 301',
        '/sq/komunikata/e-bashkuar /sq/komunikata/e-re/ 301',
        '',
      ].join('\n'),
    );
    expect(nginxMap(rules).split('\n').slice(1)).toEqual([
      '"/en/press-releases/published-in-error/" "410";',
      '"/en/press-releases/published-in-error" "410";',
      '"/sq/komunikata/e-bashkuar/" "/sq/komunikata/e-re/";',
      '"/sq/komunikata/e-bashkuar" "/sq/komunikata/e-re/";',
      '',
    ]);
  });

  it('never write a redirect target that is not a plain path of the site: it answers 410 and says why', () => {
    const warnings: string[] = [];
    const bad = [
      '/sq/komunikata/$host/',
      '/sq/a"b/',
      '/sq/a;b/',
      '/sq/a\nreturn 200;/',
      `/sq/${'x'.repeat(400)}/`,
      '//evil.example/',
      'https://evil.example/',
      '/sq/../admin/',
    ];
    const rules = retiredRules(
      bad.map((redirectTo, i) => ({ ...merged, slug: `e-bashkuar-${i}`, redirectTo })),
      new Set(),
      (m) => warnings.push(m),
    );
    expect(rules.map((r) => r.status)).toEqual(bad.map(() => 410));
    expect(warnings).toHaveLength(bad.length);
    expect(nginxMap(rules)).not.toMatch(/\$|;.*;|evil/);
  });

  it('leave out an address too long for a server, rather than write it, and escape the rest', () => {
    const warnings: string[] = [];
    expect(retiredRules([{ ...gone, slug: 'x'.repeat(290) }], new Set(), (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/left out.*longer than 300/)]);
    expect(retiredRules([{ ...gone, slug: 'a$b' }], new Set()).map((r) => r.path)).toEqual([
      '/en/press-releases/a%24b/',
    ]);
  });
});
