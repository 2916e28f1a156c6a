// The task store: tasks by id, Idempotency-Key index, expiry 24 h after a task ends, and a size bound.
import type { TaskRecord } from './task.js';

/** Expired tasks are swept at most this often (by the server's clock); reads check expiry themselves. */
const SWEEP_EVERY_MS = 60_000;

export class TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly idempotency = new Map<string, TaskRecord>();
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
    while (this.tasks.size >= this.maxTasks) {
      const oldest = this.tasks.values().next().value as TaskRecord | undefined;
      if (!oldest) break;
      this.remove(oldest, 'evicted');
    }
    this.tasks.set(task.id, task);
    if (task.idempotencyKey !== null) {
      this.idempotency.set(idempotencyIndex(task.apiKey, task.idempotencyKey), task);
    }
  }

  /** Drops expired tasks; cheap enough to call on every create (it runs once a minute at most). */
  sweep(now: number, force = false): void {
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const task of this.tasks.values()) {
      if (task.expiresAt <= now) this.remove(task, 'expired');
    }
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
  }
}

function idempotencyIndex(apiKey: string, key: string): string {
  return `${apiKey}\u0000${key}`;
}
