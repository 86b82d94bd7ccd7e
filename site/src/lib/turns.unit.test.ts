import { describe, expect, it } from 'vitest';
import { turns } from './turns';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('turns', () => {
  it('serves calls in the order their turns were taken, whatever order they come in', async () => {
    const order = turns();
    const [first, second, third] = [order.take(), order.take(), order.take()];
    const seen: string[] = [];
    await Promise.all([
      later(10).then(() => first(() => seen.push('first'))),
      third(() => seen.push('third')),
      later(5).then(() => second(() => seen.push('second'))),
    ]);
    expect(seen).toEqual(['first', 'second', 'third']);
  });

  it("gives a call's error to its own turn and serves the next", async () => {
    const order = turns();
    const [failing, next] = [order.take(), order.take()];
    await expect(
      failing(() => {
        throw new Error('no page');
      }),
    ).rejects.toThrow('no page');
    await expect(next(() => 'served')).resolves.toBe('served');
  });
});
