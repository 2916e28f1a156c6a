// The store interface: everything the command core keeps between requests. Memory is one implementation
// (store/memory.ts); a shared one (Redis) implements the same methods. Every method may do I/O, so all
// are async; each rule that must hold under concurrency is one method (one round trip), never two.
import type { ChaosProfile } from '../domain/chaos.js';
import type { ClockState } from '../domain/clock-state.js';
import type { DeliveryAttempt } from '../domain/delivery-attempt.js';
import type { Timeline } from '../domain/lifecycle.js';
import type { ModelState } from '../domain/model-state.js';
import type { TaskFacts } from '../domain/task.js';
import type { Fault, FaultSpec } from './faults.js';

/**
 * A task as stored: its request facts (the price computed once, at create; the canonical body for
 * Idempotency-Key replays), its timeline, and its billing/cancel state.
 */
export interface StoredTask extends Readonly<Omit<TaskFacts, 'failureCode'>>, Timeline {
  failureCode: string | null;
  /** Credits consumed (completed) or returned (failed). */
  settled: boolean;
  cancelled: boolean;
  /** When the task is forgotten: 24 h after it ends. */
  readonly expiresAt: number;
}

/** Credits of one API key, in UC (1/10,000 credit). */
export interface Account {
  /** Left to spend (reservations already taken off). */
  remaining: number;
  /** Consumed by completed tasks. */
  used: number;
}

/** What `insertTask` decides, atomically: the idempotency check, the credit check and the reservation. */
export type InsertOutcome =
  | { kind: 'created'; task: StoredTask }
  /** The key was used before with the same body: the earlier task. */
  | { kind: 'replayed'; task: StoredTask }
  /** The key was used before with another body. */
  | { kind: 'conflict' }
  /** Too few credits: nothing was stored or reserved. */
  | { kind: 'insufficient'; remaining: number }
  /** The generated id exists already: generate another and insert again. */
  | { kind: 'id_taken' };

export interface InsertOptions {
  /** Seeded demo data: no credit check and no reservation; the task counts as settled from the start. */
  free?: boolean;
}

/** Which of one key's tasks a page holds (see `MockStore.pageTasksOf`). */
export interface TaskPageFilter {
  /** Only this model's tasks (case-sensitive); indexed like the key's tasks. */
  model?: string | null;
  /**
   * A test each task's timeline must pass (the core's status filter: a status is derived from the
   * clock, so no index can hold it). With one, the store scans every task of the key (and model).
   */
  where?: ((timeline: Timeline) => boolean) | null;
}

/** A page of one key's tasks, newest first, and how many match in all. */
export interface TaskPage {
  tasks: StoredTask[];
  total: number;
}

/** A callback due at `at`: the task's own (body rendered when sent) or a retry of a delivery. */
export interface CallbackJob {
  /** Unique per job: `task:<id>` for a task's own callback, `retry:<webhookId>:<attempt>` for a retry. */
  id: string;
  at: number;
  taskId: string;
  /** The task's own callback: its webhook-id, fixed when it is scheduled, so a replica that takes it over sends the same. */
  webhookId?: string;
  /** The task's own callback, held back by the `late-callback` chaos profile: sent as it is when due. */
  held?: true;
  /** A retry carries the delivery it repeats; absent for the task's own first callback. */
  retry?: {
    webhookId: string;
    url: string;
    body: string;
    mutate: DeliveryAttempt['mutate'];
    attempt: number;
    /** The chaos profile that sent this delivery (a duplicate, a held callback). */
    chaos?: ChaosProfile;
    /** The delivery's trace (W3C `traceparent`); each retry is a new span in it. */
    traceparent?: string;
  };
}

/** A chaos profile set at run time; `profile: null` sets chaos off whatever the start options say. */
export interface StoredChaos {
  profile: ChaosProfile | null;
  seed: string;
}

/** The run-time chaos setting (null: none stored) and the gateway draws counted since it was set. */
export interface StoredChaosState {
  setting: StoredChaos | null;
  draws: number;
}

/** A reference to a recorded attempt, for updating it once it ends. */
export type AttemptRef = number;

export interface MockStore {
  /** `memory`, or where the shared state lives (for the start banner). */
  readonly description: string;
  /** True when other replicas may change the state (a shared store): the core then polls it for their work. */
  readonly shared: boolean;

  // ---- tasks ----
  /**
   * One step: an Idempotency-Key replay/conflict check, the credit check against `task.priceUc`
   * (billing settled first), the reservation, and the insert (evicting the oldest beyond the size bound).
   */
  insertTask(task: StoredTask, now: number, options?: InsertOptions): Promise<InsertOutcome>;
  /**
   * The task unless unknown or expired (billing settled first). A removed task's scheduled callback
   * goes with it. May answer without a promise (the memory store does): GET /v1/tasks/{id}, the
   * hottest route, then runs without an await (measured: see docs/contributing.md, Benchmarks).
   * With `apiKey` (the caller's) a store may look among that key's tasks alone: another key's task
   * may then read as unknown (the Redis store reads one key's slot instead of asking which holds `id`).
   */
  getTask(id: string, now: number, apiKey?: string): StoredTask | undefined | Promise<StoredTask | undefined>;
  /** Every live task, oldest first (billing settled first). */
  listTasks(now: number): Promise<readonly StoredTask[]>;
  /**
   * One key's live tasks, newest first: `limit` of them from `offset`, and the count of all that match
   * (billing settled first). Indexed per key and per key + model, so without `where` a page costs
   * O(limit), not O(the key's tasks).
   */
  pageTasksOf(
    apiKey: string,
    filter: TaskPageFilter,
    offset: number,
    limit: number,
    now: number,
  ): Promise<TaskPage>;
  /** The key's live tasks among `ids`, each once, in the order asked; unknown and other keys' ids are left out. */
  tasksByIds(apiKey: string, ids: readonly string[], now: number): Promise<StoredTask[]>;
  /**
   * Ends a running task at `now` as failed / request_cancelled, returns its reservation and drops its
   * scheduled callback, in one step; `ended` when it had already ended (nothing changes), undefined when unknown.
   */
  cancelTask(id: string, now: number): Promise<{ task: StoredTask; ended: boolean } | undefined>;

  // ---- credits (every read settles the tasks that ended by `now` first) ----
  account(apiKey: string, now: number): Promise<Account>;
  setRemaining(apiKey: string, milli: number, now: number): Promise<Account>;
  /** Settles every task that ended by `now`: completed ones consume their reservation, failed ones return it. */
  settleDue(now: number): Promise<void>;

  // ---- the per-key rate limit (token bucket on the server's clock) ----
  /** 0 when the request may go ahead, otherwise the seconds to wait. */
  takeRateToken(apiKey: string, ratePerSecond: number, now: number): Promise<number>;

  // ---- injected faults ----
  /** False when no fault is stored (a synchronous hint for the hot path; a shared store may always say true). */
  readonly mayHaveFaults: boolean;
  addFault(spec: FaultSpec): Promise<Fault>;
  /** The first fault that applies to `path`, used up by one. */
  takeFault(path: string): Promise<Fault | undefined>;
  listFaults(): Promise<Fault[]>;
  clearFaults(): Promise<void>;

  // ---- the delivery attempt log (retention: the store forgets attempts older than its retention) ----
  appendAttempt(attempt: DeliveryAttempt): Promise<AttemptRef>;
  /** Saves an attempt's later state (its outcome, status, request as sent). */
  updateAttempt(ref: AttemptRef, attempt: DeliveryAttempt): Promise<void>;
  /** Attempts oldest first, optionally one task's. */
  listAttempts(filter: { taskId?: string }): Promise<DeliveryAttempt[]>;
  /** Drops attempts that started before `cutoff` and are no longer in flight. */
  pruneAttempts(cutoff: number): Promise<void>;

  // ---- scheduled callbacks: claimed under a lease, so with several replicas each is sent once ----
  /**
   * Stores a job unless one with its id is stored already (a task's own job is stored once, before the
   * task, so a task is never without its job); true when it was stored.
   */
  scheduleCallback(job: CallbackJob): Promise<boolean>;
  /** Jobs due by `now`, leased to `owner` for `leaseMs`; a job not finished by then can be claimed again. */
  claimDueCallbacks(now: number, owner: string, leaseMs: number): Promise<CallbackJob[]>;
  /** The job was run: forget it. */
  finishCallback(jobId: string): Promise<void>;
  /** When the next job is due (null: none), so a replica arms one timer. */
  nextCallbackAt(): Promise<number | null>;

  // ---- model states set at run time (admin API, controller); absent: the start options decide ----
  /** The states set so far, by model id (a synchronous answer where the store can give one). */
  modelStates(): Record<string, ModelState> | Promise<Record<string, ModelState>>;
  /** Sets a model's state; null forgets it (back to what the start options say). */
  setModelState(model: string, state: ModelState | null): Promise<void>;

  // ---- the chaos profile set at run time (admin API, controller); absent: the start options decide ----
  /** False when no profile was set at run time (a synchronous hint for the hot path; a shared store may always say true). */
  readonly mayHaveChaos: boolean;
  /** The run-time setting (null: none, the start options decide) and the gateway draws taken since it was set. */
  chaosState(): Promise<StoredChaosState>;
  /** Sets the run-time profile (`profile: null`: none at all) or, with null, forgets it; the draws start over at 0. */
  setChaos(setting: StoredChaos | null): Promise<void>;
  /** Counts one gateway draw and answers the setting with the count, in one step (replicas share the count). */
  takeChaosDraw(): Promise<StoredChaosState>;

  // ---- the clock's state (shared by every replica on one store) ----
  /** The clock's stored state, or null when none was stored. */
  clockState(): Promise<ClockState | null>;
  /** Stores `state` with the epoch one past the stored one (1 when none), in one step; answers what it stored. */
  replaceClock(state: ClockState): Promise<ClockState>;
  /**
   * Raises a manual clock's stored time (the anchor) to `ms`, keeping the epoch; it only moves forward
   * (a replica behind the others never sets it back). With none stored: a state at `ms`, epoch 0.
   */
  raiseClock(ms: number): Promise<void>;

  /** Forgets tasks, idempotency keys, credits, rate buckets, faults, attempts and scheduled callbacks; keeps the clock. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be reached (a shared store down): the API answers 503 service_unavailable. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
