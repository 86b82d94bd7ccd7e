/**
 * Gathers webhook events into builds. A burst of events (an editor's clicks, Strapi's
 * several calls per action) waits for a quiet window, but never longer than maxWait from
 * its first event. Never two builds at once: events that arrive during a build start at
 * most one more build when it ends.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => Date.now(),
};

export class BuildQueue<E> {
  private pending: E[] = [];
  private firstPendingAt = 0;
  private timer: unknown = null;
  private running = false;
  /** Work waiting for the current build (or other exclusive work) to end. */
  private waiting: Array<() => void> = [];
  /** The id the pending events will be built under: made when the first of them arrives, so it carries that time, not the previous build's. */
  private nextId = '';

  constructor(
    private readonly build: (id: string, events: E[]) => Promise<void>,
    private readonly options: { quietMs: number; maxWaitMs: number; newId: () => string; timers?: Timers },
  ) {}

  private get timers() {
    return this.options.timers ?? realTimers;
  }

  /** Adds an event; returns the id of the build it will be part of. */
  push(event: E): string {
    if (this.pending.length === 0) {
      this.firstPendingAt = this.timers.now();
      this.nextId = this.options.newId();
    }
    this.pending.push(event);
    if (!this.running) this.schedule();
    return this.nextId;
  }

  get isRunning() {
    return this.running;
  }

  get queued(): readonly E[] {
    return this.pending;
  }

  /**
   * Runs `task` between builds, never during one: a rollback switched during a build would
   * be undone when that build goes live. Events that arrive meanwhile build after it.
   */
  async exclusive<T>(task: () => Promise<T> | T): Promise<T> {
    while (this.running) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running = true;
    try {
      return await task();
    } finally {
      this.settle();
    }
  }

  private settle() {
    this.running = false;
    for (const resolve of this.waiting.splice(0)) resolve();
    if (this.pending.length > 0) this.schedule();
  }

  private schedule() {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    const waited = this.timers.now() - this.firstPendingAt;
    const delay = Math.max(0, Math.min(this.options.quietMs, this.options.maxWaitMs - waited));
    this.timer = this.timers.setTimeout(() => void this.start(), delay);
  }

  private async start() {
    this.timer = null;
    if (this.running || this.pending.length === 0) return;
    const events = this.pending;
    const id = this.nextId;
    this.pending = [];
    this.running = true;
    try {
      await this.build(id, events);
    } finally {
      this.settle();
    }
  }
}
