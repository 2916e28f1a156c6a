import { describe, expect, test } from 'vitest';
import { DEFAULT_RETRY_DELAYS_MS, nextRetryAt } from './retry.js';

const NOW = 1_700_000_000_000;

describe('the retry schedule', () => {
  test('a failed first, second and third attempt are retried 1 s, 2 s and 4 s later', () => {
    expect(DEFAULT_RETRY_DELAYS_MS).toEqual([1000, 2000, 4000]);
    expect(nextRetryAt(1, 'failed', NOW)).toBe(NOW + 1000);
    expect(nextRetryAt(2, 'failed', NOW)).toBe(NOW + 2000);
    expect(nextRetryAt(3, 'failed', NOW)).toBe(NOW + 4000);
  });

  test('a timed-out attempt is retried like a failed one', () => {
    expect(nextRetryAt(1, 'timeout', NOW)).toBe(NOW + 1000);
    expect(nextRetryAt(3, 'timeout', NOW)).toBe(NOW + 4000);
  });

  test('the fourth attempt is the last: no retry after it', () => {
    expect(nextRetryAt(4, 'failed', NOW)).toBeNull();
    expect(nextRetryAt(4, 'timeout', NOW)).toBeNull();
  });

  test.each(['delivered', 'refused', 'abandoned', 'in_flight'] as const)(
    'a %s attempt is not retried',
    (outcome) => {
      expect(nextRetryAt(1, outcome, NOW)).toBeNull();
    },
  );

  test('a schedule of its own replaces the default', () => {
    expect(nextRetryAt(1, 'failed', NOW, [50])).toBe(NOW + 50);
    expect(nextRetryAt(2, 'failed', NOW, [50])).toBeNull();
    expect(nextRetryAt(1, 'failed', NOW, [])).toBeNull();
  });
});
