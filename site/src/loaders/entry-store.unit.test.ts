import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openEntryStore, readEntries } from './entry-store';
import { keptAcrossBuilds } from '../lib/build-session';

let dir: string;
const snapshot = () => path.join(dir, 'release.json');
const journal = () => path.join(dir, 'release.journal');
/** As a new process would find the files: nothing held in memory. */
const restart = () => keptAcrossBuilds('entries').clear();
const titles = () => readEntries(dir, 'release').map((e) => e.title);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entries-'));
  restart();
});

function sync(change: (store: ReturnType<typeof openEntryStore>) => void) {
  const store = openEntryStore(dir, 'release');
  change(store);
  store.save();
}

describe('the entry store', () => {
  it('appends a sync’s changes to the journal, leaving the snapshot as it was', () => {
    sync((s) => (s.reset('http://cms'), s.set('sq:b', { title: 'B' }, '1'), s.set('sq:a', { title: 'A' }, '1')));
    const before = fs.readFileSync(snapshot(), 'utf8');
    sync((s) => (s.set('sq:c', { title: 'C' }, '1'), s.delete('sq:a'), s.set('sq:b', { title: 'B2' }, '2')));
    expect(fs.readFileSync(snapshot(), 'utf8')).toBe(before);
    expect(fs.readFileSync(journal(), 'utf8').trim().split('\n')).toHaveLength(3);
    restart();
    expect(titles()).toEqual(['B2', 'C']);
    expect(openEntryStore(dir, 'release').get('sq:b')?.digest).toBe('2');
  });

  it('gives entries in id order, whatever order the syncs brought them in', () => {
    sync((s) => (s.reset('http://cms'), s.set('sq:c', { title: 'C' }, '1')));
    sync((s) => (s.set('sq:a', { title: 'A' }, '1'), s.set('en:z', { title: 'Z' }, '1')));
    expect(titles()).toEqual(['Z', 'A', 'C']);
    restart();
    expect(titles()).toEqual(['Z', 'A', 'C']);
  });

  it('folds the journal into the snapshot once it outgrows a quarter of it', () => {
    const big = 'x'.repeat(300_000);
    sync((s) => (s.reset('http://cms'), s.set('sq:a', { title: 'A', body: big }, '1')));
    for (let i = 0; i < 3; i += 1) sync((s) => s.set('sq:a', { title: `A${i}`, body: big }, String(i)));
    expect(fs.existsSync(journal())).toBe(true);
    sync((s) => s.set('sq:a', { title: 'last', body: big }, '9'));
    expect(fs.existsSync(journal())).toBe(false);
    expect(JSON.parse(fs.readFileSync(snapshot(), 'utf8')).entries['sq:a'].data.title).toBe('last');
  });

  it('starts afresh on a reset: a new snapshot and no journal', () => {
    sync((s) => (s.reset('http://one'), s.set('sq:a', { title: 'A' }, '1')));
    sync((s) => s.set('sq:b', { title: 'B' }, '1'));
    sync((s) => (s.reset('http://two'), s.set('sq:z', { title: 'Z' }, '1')));
    expect(fs.existsSync(journal())).toBe(false);
    restart();
    expect(openEntryStore(dir, 'release').cmsUrl()).toBe('http://two');
    expect(titles()).toEqual(['Z']);
  });

  it('drops a line cut short by a stopped process, and appends after it cleanly', () => {
    sync((s) => (s.reset('http://cms'), s.set('sq:a', { title: 'A' }, '1')));
    sync((s) => s.set('sq:b', { title: 'B' }, '1'));
    fs.appendFileSync(journal(), '["sq:c",{"digest":"1","da');
    restart();
    expect(titles()).toEqual(['A', 'B']);
    sync((s) => s.set('sq:d', { title: 'D' }, '1'));
    restart();
    expect(titles()).toEqual(['A', 'B', 'D']);
  });

  it('names the journal when a line in it is not JSON', () => {
    sync((s) => (s.reset('http://cms'), s.set('sq:a', { title: 'A' }, '1')));
    fs.writeFileSync(journal(), 'garbage\n["sq:b",null]\n');
    restart();
    expect(() => titles()).toThrow(`${journal()}, line 1, is not JSON`);
  });
});
