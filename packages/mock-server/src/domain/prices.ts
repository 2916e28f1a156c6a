// The price table: credits per video by duration and watermark option, kept in millicredits (exact).

/** Millicredits per video. 10 s keep watermark 2.300; 10 s remove 3.737; 15 s keep 3.737; 15 s remove 5.175. */
const PRICES_MILLI = {
  10: { keepWatermark: 2300, removeWatermark: 3737 },
  15: { keepWatermark: 3737, removeWatermark: 5175 },
} as const;

export type VideoDuration = keyof typeof PRICES_MILLI;

/** The price in millicredits (integers, so balances never drift). */
export function priceMilli(duration: VideoDuration, removeWatermark: boolean): number {
  const row = PRICES_MILLI[duration];
  return removeWatermark ? row.removeWatermark : row.keepWatermark;
}

/** Millicredits as the API writes credits (a number with up to 3 decimals). */
export function toCredits(milli: number): number {
  return milli / 1000;
}

/** Credits (as a user writes them) to millicredits. */
export function toMilli(credits: number): number {
  return Math.round(credits * 1000);
}
