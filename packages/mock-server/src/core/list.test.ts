// The one task query over stored tasks: newest first, counts, filters, paging and the watcher's hash.
import { describe, expect, test } from 'vitest';
import type { StoredTask } from '../store/store.js';
import {
  CALLER_STATUS_MATCHES,
  emptyCounts,
  FNV_OFFSET,
  mixNumber,
  mixString,
  queryTasks,
  statusIn,
} from './list.js';

const DAY = 24 * 3600_000;
/** Each task: pending until 1000, processing until 2000 (10 s of processing), then ended. */
function task(id: string, facts: Partial<StoredTask> = {}): StoredTask {
  const endAt = facts.endAt ?? 2000;
  return {
    id,
    apiKey: 'sk-a',
    scenario: null,
    callbackUrl: null,
    cancelled: false,
    createdAt: 0,
    processingAt: 1000,
    processingMs: 1000,
    endAt,
    outcome: 'completed',
    freezeAt: Number.POSITIVE_INFINITY,
    seed: 7,
    expiresAt: endAt + DAY,
    ...facts,
  } as StoredTask;
}

const ids = (page: { items: { task: StoredTask }[] }) => page.items.map((item) => item.task.id);

describe('FNV-1a', () => {
  test("the published 32-bit FNV-1a values: '' is the offset, 'a' and 'foobar'", () => {
    expect(FNV_OFFSET).toBe(0x811c9dc5);
    expect(mixString(FNV_OFFSET, '')).toBe(0x811c9dc5);
    expect(mixNumber(FNV_OFFSET, 0x61)).toBe(0xe40c292c);
    expect(mixString(FNV_OFFSET, 'foobar')).toBe(0xbf9cf968);
  });
});

describe('statusIn and the caller status filter', () => {
  test('processing also matches pending; the others only themselves', () => {
    expect(CALLER_STATUS_MATCHES).toEqual({
      pending: ['pending'],
      processing: ['pending', 'processing'],
      completed: ['completed'],
      failed: ['failed'],
    });
    const t = task('t');
    expect(statusIn(t, 500, ['pending'])).toBe(true);
    expect(statusIn(t, 500, ['processing'])).toBe(false);
    expect(statusIn(t, 2000, ['completed', 'failed'])).toBe(true);
  });
});

describe('queryTasks', () => {
  const stored = [
    task('t1', { apiKey: 'sk-a', endAt: 1500, outcome: 'failed' }),
    task('t2', { apiKey: 'sk-B', scenario: 'Slow' }),
    task('t3', { apiKey: 'sk-a', callbackUrl: 'https://Hooks.example/x', processingAt: 3000, endAt: 9000 }),
    task('t4', { apiKey: 'sk-c', processingAt: 1000, endAt: 9000 }),
  ];

  test('newest first, every live task counted by status, the defaults of paging', () => {
    const page = queryTasks(stored, 2000, {});
    expect(ids(page)).toEqual(['t4', 't3', 't2', 't1']);
    expect(page.items[0]).toMatchObject({ status: 'processing' });
    expect(page.items.map((i) => i.status)).toEqual(['processing', 'pending', 'completed', 'failed']);
    expect(page.items[2]?.progress).toBe(100);
    expect(page).toMatchObject({ total: 4, offset: 0, limit: 100, now: 2000, waiting: true });
    expect(page.counts).toEqual({ all: 4, pending: 1, processing: 1, completed: 1, failed: 1 });
  });

  test('no pending task: not waiting', () => {
    expect(queryTasks(stored, 3000, {}).waiting).toBe(false);
    expect(queryTasks([], 0, {})).toMatchObject({ waiting: false, total: 0, counts: emptyCounts() });
  });

  test('a task is gone at its expiry instant, not before', () => {
    const t1Expiry = 1500 + DAY;
    expect(ids(queryTasks(stored, t1Expiry - 1, {}))).toContain('t1');
    const page = queryTasks(stored, t1Expiry, {});
    expect(ids(page)).not.toContain('t1');
    expect(page.counts.all).toBe(3);
  });

  test('filters: status, key, and text (case-insensitive in key, scenario and callback URL)', () => {
    expect(ids(queryTasks(stored, 2000, { status: 'completed' }))).toEqual(['t2']);
    expect(ids(queryTasks(stored, 2000, { apiKey: 'sk-a' }))).toEqual(['t3', 't1']);
    expect(ids(queryTasks(stored, 2000, { q: 'SK-b' }))).toEqual(['t2']);
    expect(ids(queryTasks(stored, 2000, { q: 'slow' }))).toEqual(['t2']);
    expect(ids(queryTasks(stored, 2000, { q: 'hooks.EXAMPLE' }))).toEqual(['t3']);
    expect(ids(queryTasks(stored, 2000, { q: 't4' }))).toEqual(['t4']);
    expect(ids(queryTasks(stored, 2000, { q: 'nothing' }))).toEqual([]);
    const filtered = queryTasks(stored, 2000, { status: 'failed', apiKey: 'sk-c' });
    expect(filtered.total).toBe(0);
    // The counts stay those of every live task.
    expect(filtered.counts.all).toBe(4);
  });

  test('paging: offset and limit; past the end, the last page', () => {
    expect(ids(queryTasks(stored, 2000, { offset: 1, limit: 2 }))).toEqual(['t3', 't2']);
    expect(queryTasks(stored, 2000, { offset: 3, limit: 2 })).toMatchObject({ offset: 3, total: 4 });
    for (const offset of [4, 9]) {
      const page = queryTasks(stored, 2000, { offset, limit: 3 });
      expect(page.offset).toBe(3);
      expect(ids(page)).toEqual(['t1']);
    }
    expect(queryTasks(stored, 2000, { offset: 4, limit: 2 }).offset).toBe(2);
    expect(queryTasks([], 2000, { offset: 5 }).offset).toBe(5);
  });

  test('the hash follows statuses, progress, cancels and which tasks exist, not the filters', () => {
    const hash = (tasks: StoredTask[], now: number, query = {}) => queryTasks(tasks, now, query).hash;
    const base = hash(stored, 2000);
    expect(hash(stored, 2000, { status: 'failed', q: 'x', offset: 2, limit: 1 })).toBe(base);
    expect(hash([...stored], 2000)).toBe(base);
    // Processing progress moves within a step or two.
    const running = [task('r', { processingAt: 0, endAt: 100_000, processingMs: 100_000 })];
    expect(hash(running, 10_000)).not.toBe(hash(running, 30_000));
    expect(hash(stored, 3500)).not.toBe(base);
    expect(hash(stored.slice(1), 2000)).not.toBe(base);
    // A failing task just before and at its end: the same progress, only the status moved.
    const failing = [task('f', { endAt: 1520, outcome: 'failed' })];
    const [before, at] = [1510, 1520].map((now) => queryTasks(failing, now, {}).items[0]);
    expect([before?.status, at?.status]).toEqual(['processing', 'failed']);
    expect(at?.progress).toBe(before?.progress);
    expect(hash(failing, 1510)).not.toBe(hash(failing, 1520));
    const cancelled = stored.map((t) => (t.id === 't4' ? { ...t, cancelled: true } : t));
    expect(hash(cancelled, 2000)).not.toBe(base);
    const renamed = stored.map((t) => (t.id === 't4' ? { ...t, id: 't5' } : t));
    expect(hash(renamed, 2000)).not.toBe(base);
    const renamedFirst = stored.map((t) => (t.id === 't1' ? { ...t, id: 't0', endAt: 1500 } : t));
    expect(hash(renamedFirst, 2000)).not.toBe(base);
    // An expired task is not there.
    expect(hash([task('x', { expiresAt: 0 })], 0)).toBe(hash([], 0));
  });
});
