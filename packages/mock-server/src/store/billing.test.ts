import { describe, expect, test } from 'vitest';
import { toUc } from '../domain/prices.js';
import { TaskRecord } from '../domain/task.js';
import { Billing, creditsJson } from './billing.js';

function task(apiKey: string, endAt: number, outcome: 'completed' | 'failed' | 'stuck', priceUc = 3737) {
  return new TaskRecord(
    {
      id: `t-${Math.random()}`,
      apiKey,
      model: 'sora-2',
      duration: 10,
      aspectRatio: '16:9',
      removeWatermark: true,
      image: false,
      priceUc,
      callbackUrl: null,
      failureCode: null,
      scenario: null,
      idempotencyKey: null,
      fingerprint: null,
    },
    { createdAt: 0, processingAt: 1, processingMs: 100, endAt, outcome, freezeAt: Infinity, seed: 1 },
  );
}

describe('Billing', () => {
  test('reserve at create; settle lazily in end order: completed consumes, failed returns', () => {
    const billing = new Billing(10_000);
    billing.reserve(task('k', 300, 'completed'));
    billing.reserve(task('k', 100, 'failed', 2300));
    billing.reserve(task('k', Number.POSITIVE_INFINITY, 'stuck', 1000));
    expect(billing.account('k')).toEqual({ remaining: 10_000 - 3737 - 2300 - 1000, used: 0 });
    billing.settleDue(99);
    expect(billing.account('k').remaining).toBe(10_000 - 3737 - 2300 - 1000);
    billing.settleDue(100);
    expect(billing.account('k')).toEqual({ remaining: 10_000 - 3737 - 1000, used: 0 });
    billing.settleDue(1e12);
    expect(billing.account('k')).toEqual({ remaining: 10_000 - 3737 - 1000, used: 3737 });
  });

  test('settle happens once, even when asked again', () => {
    const billing = new Billing(10_000);
    const t = task('k', 100, 'failed');
    billing.reserve(t);
    billing.settle(t);
    billing.settle(t);
    billing.settleDue(1000);
    expect(billing.account('k')).toEqual({ remaining: 10_000, used: 0 });
  });

  test("the view is the spec's CreditsResponse, in credits", () => {
    const billing = new Billing(toUc(100));
    billing.reserve(task('k', 1, 'completed', toUc(3.737)));
    billing.settleDue(1);
    expect(creditsJson(billing.account('k'))).toEqual({
      data: {
        token: { remaining_credits: 96.263, unlimited_credits: false, used_credits: 3.737 },
        user: { remaining_credits: 96.263, used_credits: 3.737 },
      },
      message: 'success',
      success: true,
    });
  });

  test('forget: a running task gives its reservation back; an ended one settles as usual', () => {
    const billing = new Billing(10_000);
    const running = task('k', 500, 'completed');
    const ended = task('k', 100, 'completed', 2300);
    billing.reserve(running);
    billing.reserve(ended);
    billing.forget(running, 200);
    billing.forget(ended, 200);
    expect(billing.account('k')).toEqual({ remaining: 10_000 - 2300, used: 2300 });
    expect(billing.pending).toBe(0);
    billing.settleDue(1e12);
    expect(billing.account('k')).toEqual({ remaining: 10_000 - 2300, used: 2300 });
  });

  test('a task settled early (cancelled) leaves the queue at once', () => {
    const billing = new Billing(10_000);
    const t = task('k', 1000, 'failed');
    billing.reserve(t);
    expect(billing.pending).toBe(1);
    billing.settle(t);
    expect(billing.pending).toBe(0);
  });

  test('settles exactly the tasks ended by each instant, whatever order they were reserved in', () => {
    const billing = new Billing(100_000);
    const ends = [300, 100, 200, 500, 400, 100];
    for (const end of ends) billing.reserve(task('k', end, 'failed', 1000));
    const settledBy = (now: number) => {
      billing.settleDue(now);
      return billing.account('k').remaining;
    };
    expect([99, 100, 199, 200, 300, 450, 500].map(settledBy)).toEqual([
      94_000, 96_000, 96_000, 97_000, 98_000, 99_000, 100_000,
    ]);
    expect(billing.pending).toBe(0);
  });

  test('forget at the very instant a task ends settles it as ended (completed: consumed)', () => {
    const billing = new Billing(10_000);
    const t = task('k', 100, 'completed');
    billing.reserve(t);
    billing.forget(t, 100);
    expect(billing.account('k')).toEqual({ remaining: 10_000 - 3737, used: 3737 });
  });

  test('a stuck task (no end) waits in no queue', () => {
    const billing = new Billing(10_000);
    billing.reserve(task('k', Number.POSITIVE_INFINITY, 'stuck'));
    expect(billing.pending).toBe(0);
  });

  test('a running task forgotten twice gives its reservation back once', () => {
    const billing = new Billing(10_000);
    const t = task('k', 500, 'completed');
    billing.reserve(t);
    billing.forget(t, 100);
    billing.forget(t, 100);
    billing.settle(t);
    expect(billing.account('k')).toEqual({ remaining: 10_000, used: 0 });
  });
});
