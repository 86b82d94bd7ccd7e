import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonState, writeJsonAtomic } from './json-state';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-state-'));

describe('a state file', () => {
  it('is replaced whole by a rename, leaving no temporary file behind', () => {
    const file = path.join(dir(), 'nested', 'history.json');
    writeJsonAtomic(file, [{ id: 'a' }]);
    const before = fs.statSync(file).ino;
    writeJsonAtomic(file, [{ id: 'b' }]);
    expect(readJsonState(file, [], () => {})).toEqual([{ id: 'b' }]);
    // A new inode: the old file was never opened for writing, so a reader sees one or the other.
    expect(fs.statSync(file).ino).not.toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['history.json']);
  });

  it('that cannot be read is kept aside, logged, and the state starts empty', () => {
    const file = path.join(dir(), 'history.json');
    fs.writeFileSync(file, '[{"id": "a"');
    const lines: string[] = [];
    expect(readJsonState(file, [], (l) => lines.push(l))).toEqual([]);
    expect(lines).toEqual([
      expect.stringMatching(
        /history\.json is unreadable \(.*\); starting from an empty state\. The file is kept as .*history\.json\.unreadable-/,
      ),
    ]);
    const [aside] = fs.readdirSync(path.dirname(file));
    expect(fs.readFileSync(path.join(path.dirname(file), aside), 'utf8')).toBe('[{"id": "a"');
  });
});
