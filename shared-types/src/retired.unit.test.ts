import { describe, expect, it } from 'vitest';
import { isSitePath, nginxMap, parseRedirects, redirectsFile, sitePathProblem } from './retired';

describe('a site path for server configuration', () => {
  it('is the locale prefix and segments of unreserved characters or percent-escapes', () => {
    for (const ok of [
      '/sq/',
      '/en/press-releases/a-title/',
      '/sr/saopstenja/2026/11/',
      '/en/x/y.pdf',
      '/sq/komunikata/%C3%AB/',
    ])
      expect(sitePathProblem(ok), ok).toBeNull();
  });

  it('refuses what nginx or a shell would read as something else, and what leaves the site', () => {
    const refused = [
      '/sq/$host/',
      '/sq/${x}/',
      '/sq/a"b/',
      "/sq/a'b/",
      '/sq/a;b/',
      '/sq/a{b/',
      '/sq/a}b/',
      '/sq/a b/',
      '/sq/a\tb/',
      '/sq/a\nb/',
      '/sq/a\\b/',
      '/sq/a\u0000b/',
      '/sq/../x/',
      '/sq/./x/',
      '/sq/a?b=c',
      '/sq/a#b',
      '//evil.example/',
      'https://evil.example/',
      '/de/x/',
      'sq/x/',
      '/sq/%zz/',
      `/sq/${'a'.repeat(300)}/`,
    ];
    for (const path of refused) expect(isSitePath(path), JSON.stringify(path)).toBe(false);
  });
});

describe('the files web servers read', () => {
  const rules = [
    { path: '/en/a/', status: 410 as const },
    { path: '/sq/b/', status: 301 as const, to: '/sq/c/' },
  ];

  it('refuse to write an address that is not a plain site path', () => {
    for (const bad of [
      { path: '/sq/$x/', status: 410 as const },
      { path: '/sq/b/', status: 301 as const, to: '/sq/c/";return 200 "x' },
      { path: '/sq/b/', status: 301 as const },
    ]) {
      expect(() => nginxMap([bad]), JSON.stringify(bad)).toThrow(/Refusing/);
      expect(() => redirectsFile([bad]), JSON.stringify(bad)).toThrow(/Refusing/);
    }
  });

  it('are read back as written, and a line that is not a rule of this site is ignored', () => {
    const text = `${redirectsFile(rules)}/sq/x/ //evil.example/ 301\n/sq/y/ /sq/$z/ 301\n/sq/w/ /sq/w/ 200\n/sq/v/ /sq/u/ 301 extra\n`;
    expect([...parseRedirects(text)]).toEqual([
      ['/en/a/', { status: 410, to: '/en/a/' }],
      ['/en/a', { status: 410, to: '/en/a' }],
      ['/sq/b/', { status: 301, to: '/sq/c/' }],
      ['/sq/b', { status: 301, to: '/sq/c/' }],
    ]);
  });
});
