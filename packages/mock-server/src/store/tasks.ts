// The task store: tasks by id, Idempotency-Key index, expiry 24 h after a task ends, a size bound, and
// each key's tasks in creation order (and each key + model's) for the caller's task list.
import { IndexedHeap } from '../domain/heap.js';
import type { Timeline } from '../domain/lifecycle.js';
import type { TaskRecord } from '../domain/task.js';
import type { TaskPage } from './store.js';

/** Expired tasks are swept at most this often (by the server's clock); reads check expiry themselves. */
const SWEEP_EVERY_MS = 60_000;

/**
 * One key's tasks (or one key and model's) in creation order, for the caller's task list. A removed
 * task leaves a hole: holes at the front (eviction and expiry take the oldest first) move a head
 * past them; once holes are half the list it is compacted (amortised O(1) a removal). Without holes
 * a page is read by index, O(page) however deep; with some, the walk from the newest skips them.
 */
export class OrderedTasks {
  items: TaskRecord[] = [];
  head = 0;
  holes = 0;

  /** Live tasks held (O(1)). */
  get size(): number {
    return this.items.length - this.head - this.holes;
  }

  /** Notes that one of its tasks was removed; true when none is left. */
  removed(): boolean {
    this.holes++;
    return this.size === 0;
  }

  /** `limit` live tasks newest first from `offset`, and how many match (with `where`: a scan). */
  page(where: ((timeline: Timeline) => boolean) | null | undefined, offset: number, limit: number): TaskPage {
    this.tidy();
    const { items, head } = this;
    const page: TaskRecord[] = [];
    if (where) {
      let total = 0;
      for (let i = items.length - 1; i >= head; i--) {
        const task = items[i] as TaskRecord;
        if (task.removed || !where(task)) continue;
        if (total >= offset && page.length < limit) page.push(task);
        total++;
      }
      return { tasks: page, total };
    }
    // Stryker disable next-line ConditionalExpression: the walk below is right without holes too, only slower.
    if (this.holes === 0) {
      const end = items.length - offset;
      for (let i = end - 1; i >= head && i >= end - limit; i--) page.push(items[i] as TaskRecord);
    } else {
      let skipped = 0;
      for (let i = items.length - 1; i >= head && page.length < limit; i--) {
        const task = items[i] as TaskRecord;
        if (task.removed) continue;
        if (skipped < offset) skipped++;
        else page.push(task);
      }
    }
    return { tasks: page, total: this.size };
  }

  private tidy(): void {
    const items = this.items;
    // While holes are left one of them lies at or after the head, so the walk stops on the list.
    while (this.holes && (items[this.head] as TaskRecord).removed) {
      this.head++;
      this.holes--;
    }
    if (this.holes * 2 > items.length - this.head) {
      this.items = items.filter((task) => !task.removed);
      this.head = 0;
      this.holes = 0;
    } else if (this.head > 1024 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
  }
}

/** One key's tasks: all of them, and by model. */
interface KeyTasks {
  all: OrderedTasks;
  models: Map<string, OrderedTasks>;
}

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
  private readonly byKey = new Map<string, KeyTasks>();
  /**
   * Every task with a finite end, by when it expires (its end + the retention): the caller's list
   * drops exactly the expired ones. The tasks are the heap's items (no entry object per task).
   */
  private readonly expiry = new IndexedHeap<TaskRecord>(
    // Stryker disable next-line EqualityOperator: tasks expiring together go in one sweep, in any order.
    (a, b) => a.endAt < b.endAt,
    (task, index) => {
      task.expiryIndex = index;
    },
    (task) => task.expiryIndex,
  );

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
    // Stryker disable next-line ConditionalExpression,EqualityOperator: every live task is in order[head..].
    while (this.tasks.size >= this.maxTasks && this.head < this.order.length) {
      // remove() passes over a task already gone.
      this.remove(this.order[this.head++] as TaskRecord, 'evicted');
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: how often, not whether, it is trimmed.
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    this.order.push(task);
    this.tasks.set(task.id, task);
    let keyTasks = this.byKey.get(task.apiKey);
    if (!keyTasks) {
      keyTasks = { all: new OrderedTasks(), models: new Map() };
      this.byKey.set(task.apiKey, keyTasks);
    }
    keyTasks.all.items.push(task);
    let ofModel = keyTasks.models.get(task.model);
    if (!ofModel) {
      ofModel = new OrderedTasks();
      keyTasks.models.set(task.model, ofModel);
    }
    ofModel.items.push(task);
    this.noteExpiry(task);
    if (task.idempotencyKey !== null) {
      this.idempotency.set(idempotencyIndex(task.apiKey, task.idempotencyKey), task);
    }
  }

  /** Notes when the task expires (again after a cancel moved its end earlier); a stuck task never does. */
  noteExpiry(task: TaskRecord): void {
    this.expiry.remove(task);
    // Stryker disable next-line ConditionalExpression: a stuck task's expiry (Infinity) would never come up.
    if (Number.isFinite(task.endAt)) this.expiry.push(task);
  }

  /** Drops every task expired by `now`: O(expired), not O(all). */
  expireDue(now: number): void {
    for (let top = this.expiry.peek(); top && top.expiresAt <= now; top = this.expiry.peek()) {
      this.expiry.pop();
      this.remove(top, 'expired');
    }
  }

  /** One key's tasks (or one key and model's) in creation order; undefined when it has none. */
  ofKey(apiKey: string, model?: string | null): OrderedTasks | undefined {
    const keyTasks = this.byKey.get(apiKey);
    return model == null ? keyTasks?.all : keyTasks?.models.get(model);
  }

  /** Drops expired tasks; cheap enough to call on every create (it runs once a minute at most). */
  // Stryker disable next-line BooleanLiteral: how often it sweeps, not what it drops.
  sweep(now: number, force = false): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: as above.
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const kept: TaskRecord[] = [];
    for (let i = this.head; i < this.order.length; i++) {
      const task = this.order[i] as TaskRecord;
      // Stryker disable next-line ConditionalExpression: a task removed in place (read expired) is expired.
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
    // Stryker disable next-line ConditionalExpression: a task without a key is never the entry below.
    if (task.idempotencyKey !== null) {
      const index = idempotencyIndex(task.apiKey, task.idempotencyKey);
      if (this.idempotency.get(index) === task) this.idempotency.delete(index);
    }
    task.removed = true;
    this.expiry.remove(task);
    // Every stored task is in its key's lists (add puts it there).
    const keyTasks = this.byKey.get(task.apiKey) as KeyTasks;
    if (keyTasks.all.removed()) this.byKey.delete(task.apiKey);
    if ((keyTasks.models.get(task.model) as OrderedTasks).removed()) keyTasks.models.delete(task.model);
    this.onRemove(task, why);
  }

  /** Tasks from oldest to newest. */
  values(): IterableIterator<TaskRecord> {
    return this.tasks.values();
  }

  clear(): void {
    for (const task of [...this.tasks.values()]) this.remove(task, 'reset');
    this.idempotency.clear();
    this.byKey.clear();
    this.expiry.clear();
    this.order = [];
    this.head = 0;
  }
}

function idempotencyIndex(apiKey: string, key: string): string {
  return `${apiKey}\u0000${key}`;
}
