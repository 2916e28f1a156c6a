// Seeded pseudo-random numbers (sfc32), so ids, random failures and progress jitter repeat for a seed.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** `length` characters from [0-9a-z]. */
  base36(length: number): string;
  /** A fresh 32-bit seed for a sub-stream (a task's own jitter). */
  seed32(): number;
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Hashes a seed of any kind to four 32-bit words (cyrb128). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A 32-bit hash of a text (the first word of its cyrb128): a stable number for an id or a seed. */
export function hash32(text: string): number {
  return hash128(text)[0];
}

/** A random seed for servers started without one. */
export function randomSeed(): string {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${bytes[0]?.toString(36)}${bytes[1]?.toString(36)}`;
}

export function createRandom(seed: number | string): Random {
  let [a, b, c, d] = hash128(String(seed));
  const u32 = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up, as sfc32's authors recommend.
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    base36: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += BASE36[u32() % 36];
      return out;
    },
    seed32: u32,
  };
}

/** A float in [0, 1) that depends only on (seed, n): a stateless per-task jitter. */
export function mix(seed: number, n: number): number {
  let h = Math.imul(seed ^ Math.imul(n + 0x9e3779b9, 0x85ebca6b), 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
