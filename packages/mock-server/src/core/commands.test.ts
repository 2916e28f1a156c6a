// MockCore's own life and wiring: ids per seed, the owner name, retries through the store's jobs, reset, close.
import { afterEach, describe, expect, test } from 'vitest';
import { MemoryStore } from '../store/memory.js';
import type { MockStore } from '../store/store.js';
import { closeCores, created, HOOK, input, KEY, receiver, START, testCore } from './test-core.js';

afterEach(closeCores);

/** A memory store that says it is shared, as a Redis store does (replicas then add their own id seed). */
function sharedMemoryStore(): MockStore {
  const store = new MemoryStore({ maxTasks: 100, startingUc: 1_000_000, attemptRetentionMs: 1 });
  return Object.assign(store, { shared: true }) as unknown as MockStore;
}

describe('MockCore', () => {
  test('the same seed draws the same ids; another seed others', async () => {
    const a = await created(testCore({ seed: 's1' }));
    const b = await created(testCore({ seed: 's1' }));
    const c = await created(testCore({ seed: 's2' }));
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  test('the owner is mock_ and 8 base-36 characters, the same for the same seed', () => {
    const owner = testCore({ seed: 's1' }).owner;
    expect(owner).toMatch(/^mock_[0-9a-z]{8}$/);
    expect(testCore({ seed: 's1' }).owner).toBe(owner);
    expect(testCore({ seed: 's2' }).owner).not.toBe(owner);
  });

  test('on a shared store each replica draws its own ids, though the seed is the same', async () => {
    const store = sharedMemoryStore();
    const one = testCore({ seed: 's1', store });
    const two = testCore({ seed: 's1', store });
    expect(one.owner).not.toBe(two.owner);
    expect((await created(one)).id).not.toBe((await created(two)).id);
  });

  test('the default memory store: credits from the options, at most maxTasks tasks', async () => {
    const core = testCore({ credits: 20, maxTasks: 2 });
    expect((await core.credits(KEY)).data.token.remaining_credits).toBe(20);
    await created(core);
    await created(core);
    await created(core);
    expect(await core.store.listTasks(core.now())).toHaveLength(2);
  });

  test('render uses the public URL for a completed task’s video', async () => {
    const core = testCore({ publicUrl: 'https://mock.example' });
    const task = await created(core);
    await core.moveClock(10 * 60_000);
    const read = await core.task(KEY, task.id);
    expect(JSON.stringify(read)).toContain(`https://mock.example/`);
  });

  test('a callback answered 500 is retried from the job the engine stored, on the manual clock', async () => {
    const rx = receiver(500);
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    const task = await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    await core.moveClock(10 * 60_000);
    await core.waitIdle(5000);
    expect(rx.sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rx.sent.map((s) => s.webhookId)).size).toBe(1);
    const attempts = await core.listDeliveries({ taskId: task.id });
    expect(attempts.length).toBe(rx.sent.length);
  });

  test('reset forgets tasks, credits and faults, puts the clock back at its start, and draws the same ids and times again', async () => {
    const core = testCore();
    const first = await created(core);
    await core.addFault({ status: 500 });
    await core.moveClock(1000);
    await core.reset();
    expect(await core.store.listTasks(core.now())).toEqual([]);
    expect(await core.listFaults()).toEqual([]);
    expect((await core.credits(KEY)).data.token.remaining_credits).toBe(100);
    expect(core.now()).toBe(START);
    const again = await created(core);
    expect(again).toEqual(first);
  });

  test('reset drops the pending callback timers', async () => {
    const rx = receiver();
    const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch });
    await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
    expect(core.scheduler.pending).toBe(1);
    await core.reset();
    expect(core.scheduler.pending).toBe(0);
    await core.moveClock(10 * 60_000);
    expect(rx.sent).toEqual([]);
  });
});

describe('MockCore wiring', () => {
  test('callbacks are signed unless started with unsignedCallbacks', async () => {
    for (const unsignedCallbacks of [false, true]) {
      const rx = receiver();
      const core = testCore({ allowLocalCallbacks: true, fetch: rx.fetch, unsignedCallbacks });
      await created(core, input({ callback_url: HOOK }, { allowLocal: true }));
      await core.moveClock(10 * 60_000);
      await core.waitIdle(5000);
      expect(rx.sent.map((s) => s.signed)).toEqual([!unsignedCallbacks]);
    }
  });

  test('a timer that throws is logged, and the clock goes on', async () => {
    const lines: string[] = [];
    const core = testCore({ logger: (line) => lines.push(line) });
    core.scheduler.schedule(START + 10, () => {
      throw new Error('boom');
    });
    await core.moveClock(20);
    expect(lines).toEqual(['timer failed: Error: boom']);
    expect(core.now()).toBe(START + 20);
  });

  test('an id another core took on the same store is drawn again', async () => {
    const store = new MemoryStore({ maxTasks: 100, startingUc: 1_000_000, attemptRetentionMs: 1 });
    const one = testCore({ seed: 'same', store });
    const two = testCore({ seed: 'same', store });
    const first = await created(one);
    const second = await created(two);
    expect(second.id).not.toBe(first.id);
    expect(await store.listTasks(one.now())).toHaveLength(2);
  });
});
