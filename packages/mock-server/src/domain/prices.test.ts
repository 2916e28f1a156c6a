import { modelEntry } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { MAX_CREDITS, priceUc, toCredits, toUc } from './prices.js';

const sora2 = modelEntry('sora-2');
if (!sora2) throw new Error('the spec has no sora-2');

describe('prices', () => {
  test.each([
    [10, false, 2.3],
    [10, true, 3.737],
    [15, false, 3.737],
    [15, true, 5.175],
  ] as const)(
    'sora-2, duration %d, remove_watermark %s costs %d credits',
    (duration, removeWatermark, credits) => {
      expect(toCredits(priceUc(sora2, { duration, remove_watermark: removeWatermark }))).toBe(credits);
    },
  );

  test('balances in UC (1/10,000 credit) do not drift', () => {
    const price = priceUc(sora2, { duration: 10, remove_watermark: true });
    let balance = toUc(100);
    for (let i = 0; i < 1000; i++) balance -= price;
    for (let i = 0; i < 1000; i++) balance += price;
    expect(toCredits(balance)).toBe(100);
    expect(toUc(96.2631)).toBe(962631);
  });
});

describe('units', () => {
  test("a balance may hold up to the admin spec's 1e11 credits, a safe integer in UC", () => {
    expect(MAX_CREDITS).toBe(100_000_000_000);
    expect(Number.isSafeInteger(toUc(MAX_CREDITS))).toBe(true);
  });

  test('1 credit is 10,000 UC; credits round to the nearest UC', () => {
    expect(toUc(1)).toBe(10_000);
    expect(toCredits(10_000)).toBe(1);
    expect(toCredits(1)).toBe(0.0001);
    expect(toUc(1.23456)).toBe(12_346);
    expect(toUc(1.23454)).toBe(12_345);
  });
});
