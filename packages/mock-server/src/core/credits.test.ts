// Credit balances on MockCore: reading a key's balance and setting it within the admin spec's bounds.
import { afterEach, describe, expect, test } from 'vitest';
import { closeCores, KEY, testCore } from './test-core.js';

afterEach(closeCores);

/** The admin spec's bound on a balance (SetCreditsRequest.credits.maximum). */
const MAX = 100_000_000_000;
const balance = (remaining: number, used = 0) => ({
  data: {
    token: { remaining_credits: remaining, unlimited_credits: false, used_credits: used },
    user: { remaining_credits: remaining, used_credits: used },
  },
  message: 'success',
  success: true,
});

describe('credits', () => {
  test('a new key starts with the start option (100 by default)', async () => {
    expect(await testCore().credits(KEY)).toEqual(balance(100));
    expect(await testCore({ credits: 7.5 }).credits(KEY)).toEqual(balance(7.5));
  });

  test.each([0, 0.0001, 42.5, MAX])('%d credits may be set, and read back', async (credits) => {
    const core = testCore();
    expect(await core.setCredits(KEY, credits)).toEqual({ ok: true, value: balance(credits) });
    expect(await core.credits(KEY)).toEqual(balance(credits));
  });

  test.each([-0.0001, MAX + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    '%d credits are refused on credits, and the balance stays',
    async (credits) => {
      const core = testCore();
      expect(await core.setCredits(KEY, credits)).toEqual({
        ok: false,
        code: 'invalid_request',
        message: `credits must be a number from 0 to ${MAX}`,
        param: 'credits',
      });
      expect(await core.credits(KEY)).toEqual(balance(100));
    },
  );

  test('an empty key is refused on apiKey', async () => {
    expect(await testCore().setCredits('', 5)).toEqual({
      ok: false,
      code: 'invalid_request',
      message: 'apiKey must be a non-empty string',
      param: 'apiKey',
    });
  });
});
