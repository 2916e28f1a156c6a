// A task's own callback job on MockCore: its lease, and a job whose task is gone by the time it is due.
import { afterEach, describe, expect, test } from 'vitest';
import { CALLBACK_LEASE_MS } from './callbacks.js';
import { closeCores, created, HOOK, input, receiver, START, testCore } from './test-core.js';

afterEach(closeCores);

describe('callback jobs', () => {
  test('a claimed job is leased for a minute, well past the 10 s attempt timeout', () => {
    expect(CALLBACK_LEASE_MS).toBe(60_000);
  });

  test('a job whose task was evicted is forgotten without a callback', async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch, maxTasks: 1 });
    await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    expect(await core.store.nextCallbackAt()).not.toBeNull();
    // The second task evicts the first; it has no callback of its own.
    await created(core);
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect(rx.sent).toEqual([]);
    expect(await core.store.nextCallbackAt()).toBeNull();
  });

  test('a job sent is forgotten once its attempt is recorded', async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect(rx.sent).toHaveLength(1);
    expect(await core.store.nextCallbackAt()).toBeNull();
  });

  test("a cancelled task's job sends nothing when due: the cancel's own callback is the only one", async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    const task = await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    expect((await core.cancel(task.id)).ok).toBe(true);
    await core.waitIdle(5000);
    expect(rx.sent).toHaveLength(1);
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect(rx.sent).toHaveLength(1);
    expect(JSON.parse(rx.sent[0]?.body ?? '{}')).toMatchObject({ id: task.id, status: 'failed' });
  });

  test("an Idempotency-Key replay leaves no job of its own: only the original task's is stored", async () => {
    const core = testCore({ allowLocalCallbacks: true, fetch: receiver().fetch });
    const create = input({ callback_url: HOOK }, { allowLocal: true, idempotencyKey: 'k-1' });
    const task = await created(core, create);
    expect((await core.create(create)).ok).toBe(true);
    const jobs = await core.store.claimDueCallbacks(START + 86_400_000, 'test', 1000);
    expect(jobs.map((j) => j.taskId)).toEqual([task.id]);
  });

  test('late-callback: each task held on a job of its own, every one sent a minute past its end', async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    expect((await core.setChaos('late-callback')).ok).toBe(true);
    const tasks = [
      await created(core, input({ callback_url: HOOK }, { allowLocal: true })),
      await created(core, input({ callback_url: HOOK }, { allowLocal: true })),
    ];
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    await core.moveClock(61_000);
    await core.waitIdle(5000);
    expect(rx.sent.map((s) => JSON.parse(s.body).id).sort()).toEqual(tasks.map((t) => t.id).sort());
  });
});
