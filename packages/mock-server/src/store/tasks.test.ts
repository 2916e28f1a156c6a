import { describe, expect, test } from 'vitest';
import { RETENTION_MS, type Timeline } from '../domain/lifecycle.js';
import { TaskRecord } from '../domain/task.js';
import { OrderedTasks, TaskStore } from './tasks.js';

function task(id: string, endAt: number, idempotencyKey: string | null = null): TaskRecord {
  return new TaskRecord(
    {
      id,
      apiKey: 'k',
      model: 'sora-2',
      duration: 10,
      aspectRatio: '16:9',
      removeWatermark: true,
      image: false,
      priceUc: 3737,
      callbackUrl: null,
      failureCode: null,
      scenario: null,
      idempotencyKey,
      fingerprint: idempotencyKey && '{}',
    },
    {
      createdAt: 0,
      processingAt: 1,
      processingMs: 100,
      endAt,
      outcome: 'completed',
      freezeAt: Infinity,
      seed: 1,
    },
  );
}

describe('TaskStore', () => {
  test('a task expires 24 h after it ends: reads stop finding it and it is dropped', () => {
    const removed: string[] = [];
    const store = new TaskStore(10, (t, why) => removed.push(`${t.id}:${why}`));
    store.add(task('a', 1000, 'idem'), 0);
    expect(store.get('a', 1000 + RETENTION_MS - 1)?.id).toBe('a');
    expect(store.get('a', 1000 + RETENTION_MS)).toBeUndefined();
    expect(store.byIdempotencyKey('k', 'idem', 0)).toBeUndefined();
    expect(store.size).toBe(0);
    expect(removed).toEqual(['a:expired']);
  });

  test('a sweep on create drops every expired task, unread ones too', () => {
    const store = new TaskStore(100, () => {});
    for (let i = 0; i < 10; i++) store.add(task(`t${i}`, i % 2 ? 1000 : Number.POSITIVE_INFINITY), 0);
    store.add(task('new', 5_000_000_000), 1000 + RETENTION_MS + 60_000);
    expect([...store.values()].map((t) => t.id)).toEqual(['t0', 't2', 't4', 't6', 't8', 'new']);
  });

  test('beyond maxTasks the oldest are evicted, with their idempotency entry', () => {
    const removed: string[] = [];
    const store = new TaskStore(3, (t, why) => removed.push(`${t.id}:${why}`));
    store.add(task('a', 10, 'ka'), 0);
    store.add(task('b', 10), 0);
    store.add(task('c', 10), 0);
    store.add(task('d', 10), 0);
    expect([...store.values()].map((t) => t.id)).toEqual(['b', 'c', 'd']);
    expect(removed).toEqual(['a:evicted']);
    expect(store.byIdempotencyKey('k', 'ka', 0)).toBeUndefined();
  });

  test('idempotency keys are per API key', () => {
    const store = new TaskStore(10, () => {});
    store.add(task('a', 10, 'same'), 0);
    expect(store.byIdempotencyKey('k', 'same', 0)?.id).toBe('a');
    expect(store.byIdempotencyKey('other', 'same', 0)).toBeUndefined();
  });

  test('clear removes everything and marks the tasks removed', () => {
    const store = new TaskStore(10, () => {});
    const a = task('a', 10);
    store.add(a, 0);
    store.clear();
    expect(store.size).toBe(0);
    expect(a.removed).toBe(true);
  });

  test('eviction stays in creation order through many removals, expired ones included', () => {
    const removed: string[] = [];
    const store = new TaskStore(10, (t, why) => removed.push(`${t.id}:${why}`));
    for (let i = 0; i < 5000; i++) {
      // Every third task ends early and is read after it expired, which removes it out of order.
      const t = task(`t${i}`, i % 3 === 0 ? 0 : 1e15);
      store.add(t, 0);
      if (i % 3 === 0) store.get(t.id, RETENTION_MS);
    }
    const ids = [...store.values()].map((t) => Number(t.id.slice(1)));
    const survivors = Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 3 !== 0);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    expect(ids).toEqual(survivors.slice(-ids.length));
    expect(removed.filter((r) => r.endsWith(':expired'))).toHaveLength(1667);
  });
});

describe("OrderedTasks (a key's tasks for the caller's list)", () => {
  function ordered(n: number) {
    const list = new OrderedTasks();
    for (let i = 0; i < n; i++) list.items.push(task(`t${i}`, 1000 + i));
    const drop = (...ids: number[]) => {
      for (const i of ids) {
        (list.items.find((t) => t.id === `t${i}`) as TaskRecord).removed = true;
        list.removed();
      }
    };
    const ids = (offset: number, limit: number, where?: (t: Timeline) => boolean) => {
      const page = list.page(where, offset, limit);
      return [page.tasks.map((t) => t.id), page.total];
    };
    return { list, drop, ids };
  }

  test('pages newest first by index, however deep', () => {
    const { ids } = ordered(10);
    expect(ids(0, 3)).toEqual([['t9', 't8', 't7'], 10]);
    expect(ids(8, 3)).toEqual([['t1', 't0'], 10]);
    expect(ids(10, 3)).toEqual([[], 10]);
  });

  test('front holes move the head; a few holes inside are skipped; many are compacted', () => {
    const { list, drop, ids } = ordered(10);
    drop(0, 1);
    expect(ids(7, 5)).toEqual([['t2'], 8]);
    expect([list.head, list.holes]).toEqual([2, 0]);
    drop(5);
    expect(ids(3, 3)).toEqual([['t6', 't4', 't3'], 7]);
    expect(list.holes).toBe(1);
    drop(3, 4, 6, 8);
    expect(ids(0, 10)).toEqual([['t9', 't7', 't2'], 3]);
    expect([list.items.length, list.head, list.holes]).toEqual([3, 0, 0]);
  });

  test('a test scans every live task and counts the matches; removing the last says so', () => {
    const { drop, ids, list } = ordered(6);
    drop(4);
    const even = (t: Timeline) => t.endAt % 2 === 0;
    expect(ids(1, 1, even)).toEqual([['t0'], 2]);
    drop(0, 1, 2, 3);
    expect(list.size).toBe(1);
    (list.items.find((t) => t.id === 't5') as TaskRecord).removed = true;
    expect(list.removed()).toBe(true);
  });
});
