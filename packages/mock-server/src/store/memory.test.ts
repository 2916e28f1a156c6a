// The shared store behaviours against the memory store (the Redis store runs the same suite).
import { describe, expect, test } from 'vitest';
import { attempt, describeStore, SUITE_SETTINGS, T0, task } from '../../test/store-suite.js';
import { MemoryStore } from './memory.js';

describeStore(
  'memory',
  async () =>
    new MemoryStore({
      maxTasks: SUITE_SETTINGS.maxTasks,
      startingUc: SUITE_SETTINGS.startingUc,
      attemptRetentionMs: SUITE_SETTINGS.retentionMs,
    }),
);

describe('memory store: its own bookkeeping', () => {
  const DAY = SUITE_SETTINGS.retentionMs;
  const memory = (maxTasks = 5, maxAttempts?: number) =>
    new MemoryStore({
      maxTasks,
      startingUc: 10_000,
      attemptRetentionMs: DAY,
      ...(maxAttempts ? { maxAttempts } : {}),
    });

  test('holds no faults until one is added, and none once it is used up (the core then skips the lookup)', async () => {
    const store = memory();
    expect(store.mayHaveFaults).toBe(false);
    await store.addFault({ status: 500 });
    expect(store.mayHaveFaults).toBe(true);
    await store.takeFault('/v1/credits');
    expect(store.mayHaveFaults).toBe(false);
    expect(store.shared).toBe(false);
  });

  test('a task evicted after it ended is consumed, not refunded, even by a caller whose clock lags', async () => {
    const store = memory(1);
    await store.insertTask(task({ priceUc: 1000, endAt: T0 + 100 }), T0);
    await store.account('sk-b', T0 + 200);
    // A caller whose clock lags (another request's `now`) evicts it: it had ended, so it is consumed.
    await store.insertTask(task({ apiKey: 'sk-b', priceUc: 1 }), T0 + 50);
    expect(await store.account('sk-a', T0 + 50)).toEqual({ remaining: 9000, used: 1000 });
  });

  test('the task list is swept when read, even right after a sweep', async () => {
    const store = memory();
    const early = task({ endAt: T0 + 1000 });
    await store.insertTask(early, T0);
    await store.insertTask(task({ endAt: T0 + 10 * DAY }), T0 + 1000 + DAY - 10);
    expect((await store.listTasks(T0 + 1000 + DAY)).map((t) => t.id)).not.toContain(early.id);
  });

  test('the attempt log keeps the newest `maxAttempts` once it is a tenth over', async () => {
    const store = memory(5, 10);
    for (let i = 0; i < 11; i++) await store.appendAttempt(attempt(`t${i}`, T0 + i));
    expect(await store.listAttempts({})).toHaveLength(11);
    await store.appendAttempt(attempt('t11', T0 + 11));
    expect((await store.listAttempts({})).map((a) => a.taskId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `t${i + 2}`),
    );
  });

  test('an attempt updated from a copy shows the copy; once ended, later updates change nothing', async () => {
    const store = memory();
    const ref = await store.appendAttempt(attempt('t1', T0, 'in_flight'));
    await store.updateAttempt(ref, { ...attempt('t1', T0, 'in_flight'), error: 'sending' });
    expect((await store.listAttempts({}))[0]?.error).toBe('sending');
    await store.updateAttempt(ref, { ...attempt('t1', T0), status: 500, outcome: 'failed' });
    await store.updateAttempt(ref, { ...attempt('t1', T0), status: 200, outcome: 'delivered' });
    expect((await store.listAttempts({})).map((a) => [a.outcome, a.status])).toEqual([['failed', 500]]);
  });

  test('jobs due at one instant are claimed in the order they were scheduled', async () => {
    const store = memory();
    for (const id of ['task:c', 'task:a', 'task:b']) await store.scheduleCallback({ id, at: T0, taskId: id });
    expect((await store.claimDueCallbacks(T0, 'r1', 1000)).map((j) => j.id)).toEqual([
      'task:c',
      'task:a',
      'task:b',
    ]);
  });
});
