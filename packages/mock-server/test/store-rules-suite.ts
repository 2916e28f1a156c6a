// The rate bucket's and the faults' rules, against every MockStore (memory and Redis answer alike).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MockStore } from '../src/store/store.js';

const T0 = Date.UTC(2025, 0, 1, 12);

export function describeStoreRules(name: string, make: () => Promise<MockStore>): void {
  describe(`${name} store: rate limit and faults`, () => {
    let store: MockStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    const take = (n: number, rate: number, at: number, key = 'sk-a') =>
      Promise.all(Array.from({ length: n }, () => store.takeRateToken(key, rate, at)));

    test('a burst of `rate` requests goes ahead at once; the next waits one second', async () => {
      expect(await take(5, 5, T0)).toEqual([0, 0, 0, 0, 0]);
      expect(await store.takeRateToken('sk-a', 5, T0)).toBe(1);
    });

    test('tokens come back at `rate` per second of the server clock, never above `rate`', async () => {
      await take(4, 4, T0);
      // 250 ms at 4/s is one token, and only one.
      expect(await take(2, 4, T0 + 250)).toEqual([0, 1]);
      // A long pause refills the bucket to `rate`, not beyond.
      expect(await take(5, 4, T0 + 60_000)).toEqual([0, 0, 0, 0, 1]);
    });

    test('a clock that has not moved, or moved back, refills nothing', async () => {
      await take(2, 2, T0 + 1000);
      expect(await store.takeRateToken('sk-a', 2, T0 + 1000)).toBe(1);
      expect(await store.takeRateToken('sk-a', 2, T0)).toBe(1);
    });

    test('below one request per second a request still goes ahead, then waits for the next whole token', async () => {
      // A bucket that held only `rate` tokens would, below 1/s, never hold one: every request refused.
      expect(await store.takeRateToken('sk-a', 0.5, T0)).toBe(0);
      expect(await store.takeRateToken('sk-a', 0.5, T0)).toBe(2);
      expect(await store.takeRateToken('sk-a', 0.5, T0 + 1000)).toBe(1);
      expect(await store.takeRateToken('sk-a', 0.5, T0 + 2000)).toBe(0);
      // And it never saves up more than one.
      expect(await take(2, 0.5, T0 + 60_000)).toEqual([0, 2]);
    });

    test('each key and each rate has its own bucket', async () => {
      await take(2, 2, T0, 'sk-a');
      expect(await store.takeRateToken('sk-a', 2, T0)).toBe(1);
      expect(await store.takeRateToken('sk-b', 2, T0)).toBe(0);
      expect(await store.takeRateToken('sk-a', 3, T0)).toBe(0);
    });

    test('a fault without a count answers once; ids go up; the list is a copy', async () => {
      const first = await store.addFault({ status: 500 });
      const second = await store.addFault({ status: 502, count: 3 });
      expect(first).toMatchObject({ status: 500, count: 1, remaining: 1 });
      expect(second).toMatchObject({ status: 502, count: 3, remaining: 3 });
      expect(second.id).toBeGreaterThan(first.id);
      const listed = await store.listFaults();
      (listed[0] as { remaining: number }).remaining = 99;
      expect((await store.listFaults()).map((f) => f.remaining)).toEqual([1, 3]);
      expect(await store.takeFault('/v1/credits')).toMatchObject({ id: first.id, remaining: 0 });
      expect((await store.listFaults()).map((f) => f.id)).toEqual([second.id]);
    });

    test('a store that may hold faults says so (a store without any may say it holds none)', async () => {
      // The core skips the fault lookup on every request when this is false.
      if (!store.mayHaveFaults) expect(await store.listFaults()).toEqual([]);
      await store.addFault({ status: 500 });
      expect(store.mayHaveFaults).toBe(true);
    });

    test('a fault with a path applies to that path and below, nowhere else', async () => {
      await store.addFault({ status: 503, path: '/v1/tasks', count: 5 });
      expect(await store.takeFault('/v1/credits')).toBeUndefined();
      expect(await store.takeFault('/v1/task')).toBeUndefined();
      expect(await store.takeFault('/v1/tasks')).toMatchObject({ status: 503, remaining: 4 });
      expect(await store.takeFault('/v1/tasks/task-1')).toMatchObject({ status: 503, remaining: 3 });
      expect((await store.listFaults()).map((f) => f.remaining)).toEqual([3]);
    });

    test('the first fault that applies is used, in the order they were added', async () => {
      const later = await store.addFault({ status: 429, path: '/v1/credits' });
      const any = await store.addFault({ status: 500, count: 2 });
      expect((await store.takeFault('/v1/tasks'))?.id).toBe(any.id);
      expect((await store.takeFault('/v1/credits'))?.id).toBe(later.id);
      expect((await store.takeFault('/v1/credits'))?.id).toBe(any.id);
      expect(await store.takeFault('/v1/credits')).toBeUndefined();
    });
  });
}
