import { describe, expect, it } from 'vitest';
import { formerGovernmentAt } from './history';

const governments = [
  { name: 'First Government', startsOn: '2021-03-22', endsOn: '2025-02-28' },
  { name: 'Second Government', startsOn: '2025-03-01', endsOn: null },
];

describe('history mode', () => {
  it('names the former government an item was published under, its last day included', () => {
    expect(formerGovernmentAt('2024-06-01T10:00:00.000Z', governments)?.name).toBe('First Government');
    expect(formerGovernmentAt('2025-02-28', governments)?.name).toBe('First Government');
  });

  it('says nothing for items of the government in office, or dated before any government', () => {
    expect(formerGovernmentAt('2025-03-01T08:00:00.000Z', governments)).toBeUndefined();
    expect(formerGovernmentAt('2019-01-01', governments)).toBeUndefined();
    expect(formerGovernmentAt(undefined, governments)).toBeUndefined();
  });
});
