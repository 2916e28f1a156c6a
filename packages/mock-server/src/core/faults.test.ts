// Injected faults on MockCore: what a fault may be, and the refusal a public request meets.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FaultSpec } from '../store/faults.js';
import { closeCores, testCore } from './test-core.js';

afterEach(async () => {
  vi.useRealTimers();
  await closeCores();
});

describe('addFault', () => {
  test.each([
    [{ status: 404 }, 'status', 'status must be one of: 429, 500, 502, 503'],
    [{ status: 500, count: 1.5 }, 'count', 'count must be an integer >= 0'],
    [{ status: 500, count: -1 }, 'count', 'count must be an integer >= 0'],
    [{ status: 500, delayMs: -1 }, 'delayMs', 'delayMs must be an integer >= 0'],
    [{ status: 503, retryAfter: 0.5 }, 'retryAfter', 'retryAfter must be an integer >= 0'],
    [{ status: 500, count: 0 }, 'count', 'count must be at least 1'],
    [{ delayMs: 120_001 }, 'delayMs', 'delayMs must be at most 120000'],
    [{ status: 500, path: 'v1/credits' }, 'path', 'path must be a path prefix starting with /'],
    [{ status: 500, path: 7 }, 'path', 'path must be a path prefix starting with /'],
    [{}, 'status', 'A fault needs a status, a delayMs, or both.'],
    [{ delayMs: 0 }, 'status', 'A fault needs a status, a delayMs, or both.'],
  ])('%j is refused on %s', async (spec, param, message) => {
    const core = testCore();
    expect(await core.addFault(spec as FaultSpec)).toEqual({
      ok: false,
      code: 'invalid_request',
      message,
      param,
    });
    expect(await core.listFaults()).toEqual([]);
  });

  test.each([
    [{ status: 429 }],
    [{ status: 500, count: 1, delayMs: 0, retryAfter: 0 }],
    [{ delayMs: 120_000 }],
    [{ status: 502, path: '/v1/credits' }],
  ])('%j is kept', async (spec) => {
    const core = testCore();
    const added = await core.addFault(spec as FaultSpec);
    expect(added.ok).toBe(true);
    expect(await core.listFaults()).toHaveLength(1);
    await core.clearFaults();
    expect(await core.listFaults()).toEqual([]);
  });
});

describe('injectedFault', () => {
  test('no fault: nothing; a fault answers its status code once, with Retry-After 1 unless given', async () => {
    const lines: string[] = [];
    const core = testCore({ logger: (line) => lines.push(line) });
    expect(await core.injectedFault('/v1/credits')).toBeUndefined();
    await core.addFault({ status: 429, count: 2 });
    const refusal = { ok: false, code: 'rate_limit_exceeded', message: '', injected: true, retryAfter: 1 };
    expect(await core.injectedFault('/v1/credits')).toEqual(refusal);
    expect(await core.injectedFault('/v1/credits')).toEqual(refusal);
    expect(await core.injectedFault('/v1/credits')).toBeUndefined();
    expect(lines).toEqual(['/v1/credits: injected fault 429', '/v1/credits: injected fault 429']);
  });

  test.each([
    [502, 'upstream_error'],
    [503, 'service_unavailable'],
  ])('%d answers %s with the Retry-After asked for', async (status, code) => {
    const core = testCore();
    await core.addFault({ status: status as 502, retryAfter: 9 });
    expect(await core.injectedFault('/x')).toEqual({
      ok: false,
      code,
      message: '',
      injected: true,
      retryAfter: 9,
    });
  });

  test('500 answers internal_error without Retry-After', async () => {
    const core = testCore();
    await core.addFault({ status: 500, retryAfter: 9 });
    expect(await core.injectedFault('/x')).toEqual({
      ok: false,
      code: 'internal_error',
      message: '',
      injected: true,
    });
  });

  test('a fault on a path prefix leaves other paths alone', async () => {
    const core = testCore();
    await core.addFault({ status: 503, path: '/v1/tasks' });
    expect(await core.injectedFault('/v1/credits')).toBeUndefined();
    expect(await core.injectedFault('/v1/tasks/abc')).toMatchObject({ code: 'service_unavailable' });
  });

  test('a delay-only fault delays and then lets the request through', async () => {
    const core = testCore();
    await core.addFault({ delayMs: 1 });
    expect(await core.injectedFault('/x')).toBeUndefined();
    expect(await core.listFaults()).toEqual([]);
  });

  test("the refusal waits for the fault's delay first (real time, here faked)", async () => {
    const core = testCore();
    await core.addFault({ status: 503, delayMs: 1000 });
    vi.useFakeTimers();
    let answered = false;
    const refusal = core.injectedFault('/x').then((r) => {
      answered = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await refusal).toMatchObject({ code: 'service_unavailable' });
  });
});
