import { describe, expect, test } from 'vitest';
import { priceMilli, toCredits, toMilli } from './prices.js';

describe('prices', () => {
  test.each([
    [10, false, 2.3],
    [10, true, 3.737],
    [15, false, 3.737],
    [15, true, 5.175],
  ] as const)('duration %d, remove_watermark %s costs %d credits', (duration, removeWatermark, credits) => {
    expect(toCredits(priceMilli(duration, removeWatermark))).toBe(credits);
  });

  test('balances in millicredits do not drift', () => {
    let balance = toMilli(100);
    for (let i = 0; i < 1000; i++) balance -= priceMilli(10, true);
    for (let i = 0; i < 1000; i++) balance += priceMilli(10, true);
    expect(toCredits(balance)).toBe(100);
    expect(toMilli(96.263)).toBe(96263);
  });
});
