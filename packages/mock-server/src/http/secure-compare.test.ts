import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createSecretMatcher } from './secure-compare.js';

describe('createSecretMatcher', () => {
  test('matches exactly the configured secrets', () => {
    const match = createSecretMatcher(['sk-alpha', 'sk-beta', 'ключ-🔑']);
    expect(match('sk-alpha')).toBe(true);
    expect(match('sk-beta')).toBe(true);
    expect(match('ключ-🔑')).toBe(true);
    for (const wrong of ['', 'sk-alph', 'sk-alphaa', 'SK-ALPHA', 'sk-alpha\u0000', 'sk-gamma', 'ключ-🔒']) {
      expect(match(wrong), wrong).toBe(false);
    }
    expect(match(null)).toBe(false);
    expect(match(undefined)).toBe(false);
  });

  test('zero bytes and prefixes are not confused with padding', () => {
    const match = createSecretMatcher(['ab']);
    expect(match('ab\u0000')).toBe(false);
    expect(match('a')).toBe(false);
    expect(createSecretMatcher([''])('')).toBe(true);
    expect(createSecretMatcher([])('anything')).toBe(false);
  });

  test('tokens longer than the compared width never match', () => {
    const secret = 'k'.repeat(64);
    const match = createSecretMatcher([secret]);
    expect(match(secret)).toBe(true);
    expect(match(`${secret}k`)).toBe(false);
    expect(match('k'.repeat(10_000))).toBe(false);
    const long = 'x'.repeat(300);
    expect(createSecretMatcher([long])(long)).toBe(true);
    expect(createSecretMatcher([long])(`${long}x`)).toBe(false);
  });

  test('property: agrees with set membership for any secrets and token', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 4 }),
        fc.string({ unit: 'binary', maxLength: 90 }),
        fc.nat(),
        (secrets, other, pick) => {
          const match = createSecretMatcher(secrets);
          const candidates = [other, ...secrets];
          const token = candidates[pick % candidates.length] as string;
          expect(match(token)).toBe(secrets.includes(token));
        },
      ),
      { numRuns: 300 },
    );
  });
});
