import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuildQueue } from './coalesce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const timers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as never),
  now: () => Date.now(),
};

function setup(buildMs: number, quietMs = 1500, maxWaitMs = 10_000) {
  const builds: Array<{ id: string; events: number[] }> = [];
  let running = 0;
  let maxRunning = 0;
  let n = 0;
  const queue = new BuildQueue<number>(
    async (id, events) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      builds.push({ id, events });
      await new Promise((r) => setTimeout(r, buildMs));
      running -= 1;
    },
    { quietMs, maxWaitMs, newId: () => `b${++n}`, timers },
  );
  return { queue, builds, maxRunning: () => maxRunning };
}

describe('the build queue', () => {
  it("names a build when its first event arrives, so its id carries that time and not the previous build's", async () => {
    let clock = 0;
    const ids: string[] = [];
    const queue = new BuildQueue<number>((id) => Promise.resolve(void ids.push(id)), {
      quietMs: 100,
      maxWaitMs: 1000,
      newId: () => `at-${clock}`,
      timers,
    });
    clock = 5_000;
    const first = queue.push(1);
    await vi.advanceTimersByTimeAsync(200);
    clock = 60_000;
    const second = queue.push(2);
    await vi.advanceTimersByTimeAsync(200);
    expect([first, second]).toEqual(['at-5000', 'at-60000']);
    expect(ids).toEqual(['at-5000', 'at-60000']);
  });

  it('turns 50 events in one second into at most two builds', async () => {
    const { queue, builds } = setup(5_000);
    for (let i = 0; i < 50; i += 1) {
      queue.push(i);
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(builds.length).toBeLessThanOrEqual(2);
    expect(builds.flatMap((b) => b.events)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('waits for a quiet window, but never longer than the maximum wait', async () => {
    const { queue, builds } = setup(10, 1500, 4000);
    for (let t = 0; t < 6000; t += 1000) {
      queue.push(t);
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(builds[0].events).toEqual([0, 1000, 2000, 3000]);
  });

  it('never runs two builds at once, and starts one more for events during a build', async () => {
    const { queue, builds, maxRunning } = setup(3_000, 100);
    queue.push(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(queue.isRunning).toBe(true);
    queue.push(2);
    queue.push(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(builds).toHaveLength(1);
    expect(queue.queued).toEqual([2, 3]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(builds.map((b) => b.events)).toEqual([[1], [2, 3]]);
    expect(maxRunning()).toBe(1);
  });

  it('tells each event the id of the build it joins', async () => {
    const { queue, builds } = setup(1_000, 100);
    const first = queue.push(1);
    expect(queue.push(2)).toBe(first);
    await vi.advanceTimersByTimeAsync(200);
    const second = queue.push(3);
    expect(second).not.toBe(first);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(builds.map((b) => b.id)).toEqual([first, second]);
  });
});
