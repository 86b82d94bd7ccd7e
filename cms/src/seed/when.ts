/**
 * Demo dates relative to the first seed, so the agenda shows today and the coming days
 * and the archive spans recent months.
 */
export function makeClock(now = new Date()) {
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (days: number, hour = 10, minute = 0) =>
    new Date(base + days * 86_400_000 + (hour * 60 + minute) * 60_000).toISOString();
  return { at, day: (days: number) => at(days).slice(0, 10) };
}

export type Clock = ReturnType<typeof makeClock>;
