import { ACCESS_OUTCOMES, type AccessOutcome, type MonthStatistics } from '@newsroom/shared-types';
import { officeDate } from './deadlines';

/** What the statistics read of a request for documents: nothing that names anyone, so erased requests still count. */
export interface CountedRequest {
  createdAt: Date;
  outcome: string | null;
  answeredAt: Date | null;
  answeredInTime: boolean | null;
}

const DAY = 86_400_000;
const daysBetween = (from: Date, to: Date) =>
  Math.round((Date.parse(`${officeDate(to)}T00:00:00Z`) - Date.parse(`${officeDate(from)}T00:00:00Z`)) / DAY);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Monthly statistics of requests for documents, by the office month they were received:
 * how many, answered in time or late, each outcome, and the median calendar days from
 * receipt to answer. A complaint to the Agency
 * leaves the outcome it was about in the counts.
 */
export function monthlyStatistics(requests: CountedRequest[]): MonthStatistics[] {
  const months = new Map<string, CountedRequest[]>();
  for (const r of requests) {
    const month = officeDate(r.createdAt).slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), r]);
  }
  return [...months.keys()].sort().map((month) => {
    const list = months.get(month);
    const answered = list.filter((r) => r.answeredAt);
    const outcomes = Object.fromEntries(
      ACCESS_OUTCOMES.map((o) => [o, list.filter((r) => r.outcome === o).length]),
    ) as Record<AccessOutcome, number>;
    return {
      month,
      received: list.length,
      answered: answered.length,
      answeredInTime: answered.filter((r) => r.answeredInTime).length,
      answeredLate: answered.filter((r) => !r.answeredInTime).length,
      open: list.length - answered.length,
      outcomes,
      medianDaysToAnswer: median(answered.map((r) => daysBetween(r.createdAt, r.answeredAt))),
    };
  });
}
