import { describe, expect, it } from 'vitest';
import { parseBuildPlan, type BuildPlan } from './build-contract';

const plan: BuildPlan = {
  id: '20261201T000000Z-abcd',
  outDir: '/builds/20261201T000000Z-abcd',
  cacheDir: '/builds/.cache',
  reportFile: '/builds/.plans/20261201T000000Z-abcd.report.json',
  refetch: 'changed',
};
const parse = (value: unknown) => () => parseBuildPlan(JSON.stringify(value));

describe('a build plan', () => {
  it('is read back as written', () => {
    const preview = { ...plan, preview: { entryFile: '/p/entry.json', assetsPrefix: '/preview-assets/3f2a' } };
    expect(parseBuildPlan(JSON.stringify(preview))).toEqual(preview);
  });

  it('names every folder by an absolute path', () => {
    expect(parse({ ...plan, outDir: 'builds/x' })).toThrow(/invalid: outDir/);
    expect(parse({ ...plan, base: '../live' })).toThrow(/invalid: base/);
    expect(parse({ ...plan, refetch: 'some' })).toThrow(/invalid: refetch/);
    expect(parse([plan])).toThrow(/not a JSON object/);
  });

  it('names only content types it declares as changed, in any spelling', () => {
    expect(parseBuildPlan(JSON.stringify({ ...plan, changedTypes: ['release', 'tag'] })).changedTypes).toEqual([
      'release',
      'tag',
    ]);
    for (const changedTypes of [
      ['Release'],
      ['release '],
      ['constructor'],
      ['__proto__'],
      'release',
      [['release']],
      {},
    ])
      expect(parse({ ...plan, changedTypes }), JSON.stringify(changedTypes)).toThrow(/invalid: changedTypes/);
  });

  it('refuses a preview prefix that leaves the site, however it is spelled', () => {
    for (const assetsPrefix of ['//evil.example', '/\\evil.example', '/a/../b', '/a/', '/a//b', 'a', '/%2e%2e', '/a b'])
      expect(parse({ ...plan, preview: { entryFile: '/p/entry.json', assetsPrefix } }), assetsPrefix).toThrow(
        /invalid: preview/,
      );
  });
});
