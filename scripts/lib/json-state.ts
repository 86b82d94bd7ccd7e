import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The builder's state files (its build history, the search index's last sync): written to
 * a temporary file, flushed to disk and renamed over the old one, so a crash or a full disk
 * leaves the old file or the new one, never half of one.
 */
export function writeJsonAtomic(file: string, value: unknown, options: { compact?: boolean } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o644);
  try {
    fs.writeSync(fd, options.compact ? JSON.stringify(value) : JSON.stringify(value, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/**
 * A state file's value, or `empty` when there is none. One that cannot be read (written by
 * an older version, or damaged) is kept aside under a name that says so, and the log says
 * what happened before the builder goes on from an empty state.
 */
export function readJsonState<T>(file: string, empty: T, log: (line: string) => void): T {
  if (!fs.existsSync(file)) return empty;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, aside);
    log(
      `${file} is unreadable (${(error as Error).message}); starting from an empty state. The file is kept as ${aside}.`,
    );
    return empty;
  }
}
