import type { Core } from '@strapi/strapi';

const KEY = { type: 'core', name: 'newsroom', key: 'demo-seed' } as const;

/**
 * What the demo seed created, by stable key (e.g. `release:budget-2027` → documentId).
 * Running the seed again skips every key already here, so it changes nothing; an
 * editor's later edits to demo content are never overwritten.
 */
export class SeedLedger {
  private constructor(
    private strapi: Core.Strapi,
    private entries: Record<string, string | number>,
  ) {}

  static async open(strapi: Core.Strapi): Promise<SeedLedger> {
    const stored = (await strapi.store.get(KEY)) as Record<string, string | number> | null;
    return new SeedLedger(strapi, stored ?? {});
  }

  get(key: string): string | number | undefined {
    return this.entries[key];
  }

  async record(key: string, id: string | number): Promise<void> {
    this.entries[key] = id;
    await this.strapi.store.set({ ...KEY, value: this.entries });
  }
}
