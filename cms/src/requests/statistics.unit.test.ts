import { describe, expect, it } from 'vitest';
import { wallTimeToInstant } from '@newsroom/shared-types';
import { monthlyStatistics } from './statistics';

const at = (wall: string) => wallTimeToInstant(wall);

describe('the monthly statistics of requests for documents', () => {
  it('puts a request in the office month it arrived, even when UTC is still in the month before', () => {
    // 00:30 on 1 December in Prishtina is 23:30 on 30 November in UTC.
    const [month] = monthlyStatistics([
      { createdAt: at('2026-12-01T00:30'), answeredAt: null, answeredInTime: null, outcome: null },
    ]);
    expect(month).toMatchObject({ month: '2026-12', received: 1, open: 1, answered: 0, medianDaysToAnswer: null });
  });

  it('counts outcomes, in time and late, and takes the median of the days to answer', () => {
    const months = monthlyStatistics([
      {
        createdAt: at('2026-11-02T10:00'),
        answeredAt: at('2026-11-04T09:00'),
        answeredInTime: true,
        outcome: 'granted',
      },
      {
        createdAt: at('2026-11-02T10:00'),
        answeredAt: at('2026-11-09T09:00'),
        answeredInTime: true,
        outcome: 'partly-granted',
      },
      {
        createdAt: at('2026-11-03T10:00'),
        answeredAt: at('2026-11-20T09:00'),
        answeredInTime: false,
        outcome: 'refused',
      },
      {
        createdAt: at('2026-11-30T23:59'),
        answeredAt: at('2026-12-02T09:00'),
        answeredInTime: true,
        outcome: 'referred',
      },
      { createdAt: at('2026-10-30T10:00'), answeredAt: null, answeredInTime: null, outcome: null },
    ]);
    expect(months.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    expect(months[1]).toEqual({
      month: '2026-11',
      received: 4,
      answered: 4,
      answeredInTime: 3,
      answeredLate: 1,
      open: 0,
      outcomes: { granted: 1, 'partly-granted': 1, refused: 1, 'not-held': 0, referred: 1 },
      // Days: 2, 7, 17, 2 → the median of four is the mean of the middle two.
      medianDaysToAnswer: 4.5,
    });
  });
});
