// The in-memory store (the default): one process's maps and heaps behind the async MockStore interface.
import { type ClockState, clockAt } from '../domain/clock-state.js';
import type { DeliveryAttempt } from '../domain/delivery-attempt.js';
import { type HeapItem, MinHeap } from '../domain/heap.js';
import type { ModelState } from '../domain/model-state.js';
import type { TaskRecord } from '../domain/task.js';
import { Billing } from './billing.js';
import { type Fault, type FaultSpec, Faults, RateLimiter } from './faults.js';
import type {
  Account,
  AttemptRef,
  CallbackJob,
  InsertOptions,
  InsertOutcome,
  MockStore,
  StoredChaos,
  StoredChaosState,
  StoredTask,
  TaskPage,
  TaskPageFilter,
} from './store.js';
import { TaskStore } from './tasks.js';

export interface MemoryStoreOptions {
  /** The most tasks kept; the oldest are evicted beyond it. */
  maxTasks: number;
  /** Starting UC of each API key. */
  startingUc: number;
  /** Attempts kept for listing; the oldest go first (default 10,000). */
  maxAttempts?: number;
  /** Attempts are forgotten this long after they started (by the server's clock). */
  attemptRetentionMs: number;
}

interface JobEntry extends HeapItem {
  job: CallbackJob;
}

/**
 * Holds the tasks as `TaskRecord`s (a class with every field set up front keeps 100,000 of them
 * small); each async method does its work synchronously, so one call is one atomic step.
 */
export class MemoryStore implements MockStore {
  readonly description = 'memory';
  readonly shared = false;
  private readonly tasks: TaskStore;
  private readonly billing: Billing;
  private readonly modelOverrides = new Map<string, ModelState>();
  private readonly faults = new Faults();
  private chaos: StoredChaosState = { setting: null, draws: 0 };
  private readonly buckets = new Map<number, RateLimiter>();
  private attempts: DeliveryAttempt[] = [];
  private readonly inFlightAttempts = new Map<AttemptRef, DeliveryAttempt>();
  private nextRef = 1;
  private readonly jobs = new Map<string, JobEntry>();
  private readonly jobQueue = new MinHeap<JobEntry>();
  private jobSeq = 0;
  private clock: ClockState | null = null;
  /** The latest time a caller passed in: a task removed by a sweep settles by it. */
  private lastNow = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: MemoryStoreOptions) {
    this.billing = new Billing(options.startingUc);
    this.tasks = new TaskStore(options.maxTasks, (task) => {
      this.jobs.delete(ownJobId(task.id));
      this.billing.forget(task, this.lastNow);
    });
  }

  private at(now: number): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: what ended by then is settled below already.
    if (now > this.lastNow) this.lastNow = now;
    this.billing.settleDue(now);
    return now;
  }

  async insertTask(task: StoredTask, now: number, options: InsertOptions = {}): Promise<InsertOutcome> {
    this.at(now);
    const record = task as TaskRecord;
    // Stryker disable next-line ConditionalExpression: no stored task has the key of a task without one.
    if (record.idempotencyKey !== null) {
      const earlier = this.tasks.byIdempotencyKey(record.apiKey, record.idempotencyKey, now);
      if (earlier) {
        return earlier.fingerprint === record.fingerprint
          ? { kind: 'replayed', task: earlier }
          : { kind: 'conflict' };
      }
    }
    if (this.tasks.has(record.id)) return { kind: 'id_taken' };
    if (options.free) {
      record.settled = true;
      this.tasks.add(record, now);
      return { kind: 'created', task: record };
    }
    const { remaining } = this.billing.account(record.apiKey);
    if (remaining < record.priceUc) return { kind: 'insufficient', remaining };
    this.tasks.add(record, now);
    this.billing.reserve(record);
    return { kind: 'created', task: record };
  }

  getTask(id: string, now: number): StoredTask | undefined {
    return this.tasks.get(id, this.at(now));
  }

  async listTasks(now: number): Promise<readonly StoredTask[]> {
    this.tasks.sweep(this.at(now), true);
    return [...this.tasks.values()];
  }

  async pageTasksOf(
    apiKey: string,
    filter: TaskPageFilter,
    offset: number,
    limit: number,
    now: number,
  ): Promise<TaskPage> {
    this.at(now);
    this.tasks.expireDue(now);
    return (
      this.tasks.ofKey(apiKey, filter.model)?.page(filter.where, offset, limit) ?? { tasks: [], total: 0 }
    );
  }

  async tasksByIds(apiKey: string, ids: readonly string[], now: number): Promise<StoredTask[]> {
    this.at(now);
    const found: StoredTask[] = [];
    for (const id of new Set(ids)) {
      const task = this.tasks.get(id, now);
      if (task && task.apiKey === apiKey) found.push(task);
    }
    return found;
  }

  async cancelTask(id: string, now: number): Promise<{ task: StoredTask; ended: boolean } | undefined> {
    const task = this.tasks.get(id, this.at(now));
    if (!task) return undefined;
    if (task.endAt <= now) return { task, ended: true };
    task.endAt = now;
    task.outcome = 'failed';
    task.cancelled = true;
    task.failureCode = 'request_cancelled';
    this.tasks.noteExpiry(task);
    this.jobs.delete(ownJobId(id));
    this.billing.settle(task);
    return { task, ended: false };
  }

  async account(apiKey: string, now: number): Promise<Account> {
    this.at(now);
    return { ...this.billing.account(apiKey) };
  }

  async setRemaining(apiKey: string, milli: number, now: number): Promise<Account> {
    this.at(now);
    this.billing.setRemaining(apiKey, milli);
    return { ...this.billing.account(apiKey) };
  }

  async settleDue(now: number): Promise<void> {
    this.at(now);
  }

  async takeRateToken(apiKey: string, ratePerSecond: number, now: number): Promise<number> {
    let limiter = this.buckets.get(ratePerSecond);
    if (!limiter) {
      limiter = new RateLimiter(ratePerSecond);
      this.buckets.set(ratePerSecond, limiter);
    }
    return limiter.take(apiKey, now);
  }

  get mayHaveFaults(): boolean {
    return this.faults.size > 0;
  }
  async addFault(spec: FaultSpec): Promise<Fault> {
    return this.faults.add(spec);
  }
  async takeFault(path: string): Promise<Fault | undefined> {
    return this.faults.take(path);
  }
  async listFaults(): Promise<Fault[]> {
    return this.faults.list();
  }
  async clearFaults(): Promise<void> {
    this.faults.clear();
  }

  get mayHaveChaos(): boolean {
    return this.chaos.setting !== null;
  }
  async chaosState(): Promise<StoredChaosState> {
    return { ...this.chaos };
  }
  async setChaos(setting: StoredChaos | null): Promise<void> {
    this.chaos = { setting: setting && { ...setting }, draws: 0 };
  }
  async takeChaosDraw(): Promise<StoredChaosState> {
    this.chaos.draws++;
    return { ...this.chaos };
  }

  modelStates(): Record<string, ModelState> {
    return Object.fromEntries(this.modelOverrides);
  }
  async setModelState(model: string, state: ModelState | null): Promise<void> {
    if (state === null) this.modelOverrides.delete(model);
    else this.modelOverrides.set(model, state);
  }

  async appendAttempt(attempt: DeliveryAttempt): Promise<AttemptRef> {
    this.prune(attempt.at - this.options.attemptRetentionMs);
    const ref = this.nextRef++;
    this.inFlightAttempts.set(ref, attempt);
    this.attempts.push(attempt);
    const max = this.options.maxAttempts ?? 10_000;
    if (this.attempts.length > max * 1.1) this.attempts = this.attempts.slice(this.attempts.length - max);
    return ref;
  }

  async updateAttempt(ref: AttemptRef, attempt: DeliveryAttempt): Promise<void> {
    const stored = this.inFlightAttempts.get(ref);
    if (stored && stored !== attempt) Object.assign(stored, attempt);
    if (attempt.outcome !== 'in_flight') this.inFlightAttempts.delete(ref);
  }

  async listAttempts(filter: { taskId?: string }): Promise<DeliveryAttempt[]> {
    const { taskId } = filter;
    const records = taskId ? this.attempts.filter((r) => r.taskId === taskId) : this.attempts;
    return records.map((r) => ({
      ...r,
      request: { headers: { ...r.request.headers }, body: r.request.body },
    }));
  }

  async pruneAttempts(cutoff: number): Promise<void> {
    this.prune(cutoff);
  }

  private prune(cutoff: number): void {
    let drop = 0;
    for (const record of this.attempts) {
      if (record.at > cutoff || record.outcome === 'in_flight') break;
      drop++;
    }
    // Stryker disable next-line ConditionalExpression: slice(0) is the same list.
    if (drop) this.attempts = this.attempts.slice(drop);
  }

  async scheduleCallback(job: CallbackJob): Promise<boolean> {
    if (this.jobs.has(job.id)) return false;
    const entry: JobEntry = { at: job.at, seq: this.jobSeq++, job };
    this.jobs.set(job.id, entry);
    this.jobQueue.push(entry);
    return true;
  }

  async claimDueCallbacks(now: number, _owner: string, leaseMs: number): Promise<CallbackJob[]> {
    const claimed: CallbackJob[] = [];
    for (let top = this.jobQueue.peek(); top && top.at <= now; top = this.jobQueue.peek()) {
      this.jobQueue.pop();
      if (this.jobs.get(top.job.id) !== top) continue;
      claimed.push(top.job);
      // Leased: claimable again once the lease runs out, unless finished first.
      const lease: JobEntry = { at: now + leaseMs, seq: this.jobSeq++, job: top.job };
      this.jobs.set(top.job.id, lease);
      this.jobQueue.push(lease);
    }
    return claimed;
  }

  async finishCallback(jobId: string): Promise<void> {
    this.jobs.delete(jobId);
  }

  async nextCallbackAt(): Promise<number | null> {
    for (let top = this.jobQueue.peek(); top; top = this.jobQueue.peek()) {
      if (this.jobs.get(top.job.id) === top) return top.at;
      this.jobQueue.pop();
    }
    return null;
  }

  async clockState(): Promise<ClockState | null> {
    return this.clock;
  }
  async replaceClock(state: ClockState): Promise<ClockState> {
    this.clock = { ...state, epoch: (this.clock?.epoch ?? 0) + 1 };
    return this.clock;
  }
  async raiseClock(ms: number): Promise<void> {
    if (this.clock === null) this.clock = clockAt(ms, 0);
    else if (ms > this.clock.anchor) this.clock = { ...this.clock, anchor: ms };
  }

  async clear(): Promise<void> {
    this.tasks.clear();
    this.billing.clear();
    this.faults.clear();
    this.modelOverrides.clear();
    this.chaos = { setting: null, draws: 0 };
    this.buckets.clear();
    this.attempts = [];
    this.inFlightAttempts.clear();
    this.jobs.clear();
    this.jobQueue.clear();
  }

  async close(): Promise<void> {}
}

/** The job id of a task's own callback. */
export function ownJobId(taskId: string): string {
  return `task:${taskId}`;
}
