// The per-key rate limit on MockCore: none by default; a 429 that says how long to wait.
import { afterEach, describe, expect, test } from 'vitest';
import { closeCores, KEY, OTHER_KEY, testCore } from './test-core.js';

afterEach(closeCores);

describe('admit', () => {
  test('without a limit every request is admitted', async () => {
    const core = testCore();
    for (let i = 0; i < 5; i++) expect(await core.admit(KEY)).toEqual({ ok: true, value: KEY });
  });

  test('at 1/s: the second request in the same instant waits 1 second; a second later it may go', async () => {
    const core = testCore({ rateLimit: 1 });
    expect(await core.admit(KEY)).toEqual({ ok: true, value: KEY });
    expect(await core.admit(KEY)).toEqual({
      ok: false,
      code: 'rate_limit_exceeded',
      message: 'Too many requests; retry after 1 second.',
      retryAfter: 1,
    });
    expect(await core.admit(OTHER_KEY)).toEqual({ ok: true, value: OTHER_KEY });
    await core.moveClock(1000);
    expect(await core.admit(KEY)).toEqual({ ok: true, value: KEY });
  });

  test('at 0.25/s the wait is 4 seconds', async () => {
    const core = testCore({ rateLimit: 0.25 });
    await core.admit(KEY);
    expect(await core.admit(KEY)).toMatchObject({
      message: 'Too many requests; retry after 4 seconds.',
      retryAfter: 4,
    });
  });
});
