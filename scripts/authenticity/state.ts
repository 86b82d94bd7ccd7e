import { createRequire } from 'node:module';
import type { LogEvent } from '@newsroom/shared-types';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as typeof import('better-sqlite3');

/** What the builder last logged of an item in one language. */
export interface ItemState {
  /** The item's record file in the build it was last seen in, relative to the build. */
  path: string;
  record: string | null;
  url: string;
  event: LogEvent;
  notes: number;
  withdrawn: boolean;
}

export interface StateHead {
  size: number;
  hash: string | null;
  /** The build whose records the items are (an incremental build's changes are against it). */
  build: string | null;
}

interface Row extends Omit<ItemState, 'withdrawn'> {
  key: string;
  withdrawn: number;
}

const toItem = (row: Row): ItemState => ({
  path: row.path,
  record: row.record,
  url: row.url,
  event: row.event,
  notes: row.notes,
  withdrawn: row.withdrawn === 1,
});

/**
 * The store's memory between builds, in SQLite so that a publish reads and writes only the
 * items it changed (a JSON file of 30 000 items took longer to rewrite than the rest of
 * signing). The log is the truth: this only spares reading it, and is rebuilt from it when
 * their heads differ.
 */
export class SigningState {
  private readonly db: import('better-sqlite3').Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, path TEXT NOT NULL, record TEXT, url TEXT NOT NULL,
        event TEXT NOT NULL, notes INTEGER NOT NULL, withdrawn INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS items_path ON items (path);
      CREATE TABLE IF NOT EXISTS head (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER, hash TEXT, build TEXT);`);
  }

  head(): StateHead {
    return (
      (this.db.prepare('SELECT size, hash, build FROM head WHERE id = 1').get() as StateHead | undefined) ?? {
        size: 0,
        hash: null,
        build: null,
      }
    );
  }

  item(key: string): ItemState | undefined {
    const row = this.db.prepare('SELECT * FROM items WHERE key = ?').get(key) as Row | undefined;
    return row && toItem(row);
  }

  /** The item whose record file was at `path`, if it is still on the site. */
  keyAt(path: string): string | undefined {
    return (
      this.db.prepare("SELECT key FROM items WHERE path = ? AND event != 'unpublished'").get(path) as
        { key: string } | undefined
    )?.key;
  }

  /** Items on the site (not unpublished), by key. */
  liveKeys(): string[] {
    return (this.db.prepare("SELECT key FROM items WHERE event != 'unpublished'").all() as { key: string }[]).map(
      (r) => r.key,
    );
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM items WHERE event != 'unpublished'").get() as { n: number }).n;
  }

  /** Writes the changed items and the new head together. */
  save(changed: Map<string, ItemState>, head: StateHead, replaceAll = false) {
    const upsert = this.db.prepare(
      'INSERT OR REPLACE INTO items (key, path, record, url, event, notes, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      if (replaceAll) this.db.exec('DELETE FROM items');
      for (const [key, i] of changed) upsert.run(key, i.path, i.record, i.url, i.event, i.notes, i.withdrawn ? 1 : 0);
      this.db
        .prepare('INSERT OR REPLACE INTO head (id, size, hash, build) VALUES (1, ?, ?, ?)')
        .run(head.size, head.hash, head.build);
    })();
  }

  close() {
    this.db.close();
  }
}
