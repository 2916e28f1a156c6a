import { describe, expect, test } from 'vitest';
import { createRandom, mix, randomSeed } from './random.js';

describe('seeded random', () => {
  test('the same seed gives the same stream; numbers and strings seed alike', () => {
    const a = createRandom(7);
    const b = createRandom('7');
    expect([a.next(), a.base36(8), a.int(10), a.seed32()]).toEqual([
      b.next(),
      b.base36(8),
      b.int(10),
      b.seed32(),
    ]);
    expect(createRandom(8).next()).not.toBe(createRandom(7).next());
  });

  test('values stay in range and spread out', () => {
    const r = createRandom('spread');
    const ints = Array.from({ length: 1000 }, () => r.int(10));
    expect(Math.min(...ints)).toBe(0);
    expect(Math.max(...ints)).toBe(9);
    const chars = r.base36(2000);
    expect(chars).toMatch(/^[0-9a-z]+$/);
    expect(new Set(chars).size).toBe(36);
  });

  test('mix is stateless, in [0, 1), and varies with both inputs', () => {
    expect(mix(1, 2)).toBe(mix(1, 2));
    const values = Array.from({ length: 100 }, (_, i) => mix(123, i));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(100);
    expect(mix(124, 0)).not.toBe(mix(123, 0));
  });

  test('randomSeed differs between calls', () => {
    expect(randomSeed()).not.toBe(randomSeed());
  });
});
