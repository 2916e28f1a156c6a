// Rate limits and idempotency: the client honours Retry-After, and a replayed create never bills twice.
import { IdempotencyConflictError, RateLimitError } from '@videotask/client';
import { clientClockOn } from '@videotask/testkit';
import { describe, expect, test } from 'vitest';
import {
  admin,
  client,
  mockClock,
  mockNow,
  onMock,
  recorder,
  smokeBody,
  smokeSkipReason,
  target,
} from '../src/harness.js';

describe.skipIf(!onMock)('429 with Retry-After (mock)', () => {
  test('the client waits as long as Retry-After says, then succeeds', async () => {
    await admin.injectFault({ status: 429, count: 2, retryAfter: 2, path: '/v1/credits' });
    // Waits are measured on the client's sleep hook, which moves the mock's clock: no wall clock.
    const clock = clientClockOn(mockClock);
    const waits = clock.sleeps;
    const patient = client({ maxRetries: 3, clock });
    const mockStart = await mockNow();
    const credits = await patient.getCredits();
    expect(credits.success).toBe(true);
    expect(recorder.exchanges.map((e) => `${e.path} ${e.status}`)).toEqual([
      '/v1/credits 429',
      '/v1/credits 429',
      '/v1/credits 200',
    ]);
    // Each wait is at least the 2 s advised and less than a second more (Retry-After counts whole seconds).
    expect(waits).toHaveLength(2);
    for (const ms of waits) {
      expect(ms).toBeGreaterThanOrEqual(2_000);
      expect(ms).toBeLessThan(3_000);
    }
    // The mock saw exactly those waits pass between the attempts.
    expect((await mockNow()) - mockStart).toBe(waits.reduce((a, b) => a + Math.round(b), 0));
    // Both 429 answers were checked against the spec by the recorder, like every other answer.
  });

  test('without retries the client raises RateLimitError with the advised delay', async () => {
    await admin.injectFault({ status: 429, count: 1, retryAfter: 3, path: '/v1/credits' });
    const error = await client({ maxRetries: 0 })
      .getCredits()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_000);
  });
});

describe.skipIf(!target.available || !target.billable || smokeSkipReason !== undefined)(
  `idempotency (${target.name})${smokeSkipReason ? ` (skipped: ${smokeSkipReason})` : ''}`,
  () => {
    const body = smokeBody({ prompt: 'One task, however often it is sent' });

    test('a replay with the same Idempotency-Key returns the original task, marked replayed', async () => {
      const key = `contract-${crypto.randomUUID()}`;
      const first = await client().createVideo(body, { idempotencyKey: key });
      const { data, response } = await client().raw.POST('/v1/videos/generations', {
        body,
        params: { header: { 'Idempotency-Key': key } },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('idempotency-replayed')).toBe('true');
      expect(data?.id).toBe(first.id);
    });

    test('the same key with another body is refused with idempotency_conflict', async () => {
      const key = `contract-${crypto.randomUUID()}`;
      await client().createVideo(body, { idempotencyKey: key });
      const error = await client()
        .createVideo({ ...body, prompt: 'A different prompt' }, { idempotencyKey: key })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IdempotencyConflictError);
      expect(error).toMatchObject({ code: 'idempotency_conflict' });
      expect(recorder.exchanges.at(-1)?.status).toBe(422);
    });
  },
);
