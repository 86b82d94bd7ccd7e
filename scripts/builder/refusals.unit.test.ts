import { describe, expect, it } from 'vitest';
import { refusalLog } from './refusals';

describe('the log of refused webhooks', () => {
  it('logs the first of each kind, then one line per window saying how many it left out', () => {
    const lines: string[] = [];
    let t = 0;
    const refused = refusalLog(
      (l) => lines.push(l),
      60_000,
      () => t,
    );
    refused(401, 'Wrong secret');
    refused(401, 'Wrong secret');
    refused(401, 'Wrong secret');
    refused(400, 'Not JSON');
    t = 61_000;
    refused(401, 'Wrong secret');
    expect(lines).toEqual([
      'refused a webhook with 401: Wrong secret',
      'refused a webhook with 400: Not JSON',
      'refused a webhook with 401: Wrong secret (and 2 more like it since the last line)',
    ]);
  });
});
