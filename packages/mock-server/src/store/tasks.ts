// The task store: tasks by id, Idempotency-Key index, expiry 24 h after a task ends, and a size bound.
import type { TaskRecord } from '../domain/task.js';

/** Expired tasks are swept at most this often (by the server's clock); reads check expiry themselves. */
const SWEEP_EVERY_MS = 60_000;

export class TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly idempotency = new Map<string, TaskRecord>();
  /**
   * Tasks in creation order, for eviction. A Map's first entry is not O(1) to reach once many
   * entries were deleted from its front (V8 skips the holes), so the order is kept here: removed
   * tasks stay until the head passes them or a sweep compacts the list.
   */
  private order: TaskRecord[] = [];
  private head = 0;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxTasks: number,
    private readonly onRemove: (task: TaskRecord, why: 'expired' | 'evicted' | 'reset') => void,
  ) {}

  get size(): number {
    return this.tasks.size;
  }

  /** Whether the id is taken (expired or not). */
  has(id: string): boolean {
    return this.tasks.has(id);
  }

  /** The task, unless it has expired (then it is dropped). */
  get(id: string, now: number): TaskRecord | undefined {
    const task = this.tasks.get(id);
    if (task && task.expiresAt <= now) {
      this.remove(task, 'expired');
      return undefined;
    }
    return task;
  }

  byIdempotencyKey(apiKey: string, key: string, now: number): TaskRecord | undefined {
    const task = this.idempotency.get(idempotencyIndex(apiKey, key));
    if (task && task.expiresAt <= now) {
      this.remove(task, 'expired');
      return undefined;
    }
    return task;
  }

  add(task: TaskRecord, now: number): void {
    this.sweep(now);
    while (this.tasks.size >= this.maxTasks && this.head < this.order.length) {
      const oldest = this.order[this.head++] as TaskRecord;
      if (!oldest.removed) this.remove(oldest, 'evicted');
    }
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    this.order.push(task);
    this.tasks.set(task.id, task);
    if (task.idempotencyKey !== null) {
      this.idempotency.set(idempotencyIndex(task.apiKey, task.idempotencyKey), task);
    }
  }

  /** Drops expired tasks; cheap enough to call on every create (it runs once a minute at most). */
  sweep(now: number, force = false): void {
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const kept: TaskRecord[] = [];
    for (let i = this.head; i < this.order.length; i++) {
      const task = this.order[i] as TaskRecord;
      if (task.removed) continue;
      if (task.expiresAt <= now) this.remove(task, 'expired');
      else kept.push(task);
    }
    this.order = kept;
    this.head = 0;
  }

  remove(task: TaskRecord, why: 'expired' | 'evicted' | 'reset'): void {
    if (this.tasks.get(task.id) !== task) return;
    this.tasks.delete(task.id);
    if (task.idempotencyKey !== null) {
      const index = idempotencyIndex(task.apiKey, task.idempotencyKey);
      if (this.idempotency.get(index) === task) this.idempotency.delete(index);
    }
    task.removed = true;
    this.onRemove(task, why);
  }

  /** Tasks from oldest to newest. */
  values(): IterableIterator<TaskRecord> {
    return this.tasks.values();
  }

  clear(): void {
    for (const task of [...this.tasks.values()]) this.remove(task, 'reset');
    this.idempotency.clear();
    this.order = [];
    this.head = 0;
  }
}

function idempotencyIndex(apiKey: string, key: string): string {
  return `${apiKey}\u0000${key}`;
}
