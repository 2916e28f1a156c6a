// MockCore: the command core as one object, for the HTTP API, the admin API, the dashboard and the
// in-process controller. It owns the store, clock, delivery engine and ids; each method is one rule,
// kept in the module of its family (named beside each group below); the state is in the store.

import { DeliveryEngine } from '../delivery/engine.js';
import { createScheduler, type Scheduler } from '../domain/clock.js';
import type { DeliveryAttempt, RedeliverMutation } from '../domain/delivery-attempt.js';
import { RETENTION_MS } from '../domain/lifecycle.js';
import type { ModelState } from '../domain/model-state.js';
import { toUc } from '../domain/prices.js';
import { createRandom, type Random, randomSeed } from '../domain/random.js';
import { renderTask, type VideoTaskJson } from '../domain/task.js';
import type { ResolvedOptions } from '../options.js';
import type { CreditsJson } from '../store/billing.js';
import type { Fault, FaultSpec } from '../store/faults.js';
import { MemoryStore } from '../store/memory.js';
import type { MockStore, StoredTask } from '../store/store.js';
import { adminTask, cancelTask, listTasks, taskView } from './admin-tasks.js';
import { callbackUrlCheck, runDueCallbacks, scheduleCallback } from './callbacks.js';
import {
  batchTasks,
  type CallerTaskQuery,
  listCallerTasks,
  type TaskBatchJson,
  type TaskListJson,
} from './caller-tasks.js';
import type { ModelStatus } from './catalog.js';
import {
  activeChaos,
  type ChaosView,
  chaosMayApply,
  chaosView,
  clearChaos,
  type GatewayChaos,
  gatewayChaos,
  setChaos,
} from './chaos.js';
import {
  advanceClock,
  type ClockView,
  clockView,
  moveClock,
  pauseClock,
  resetClock,
  restartClock,
  scaleClock,
  setClock,
} from './clock-commands.js';
import type { CoreContext } from './context.js';
import { credits, setCredits } from './credits.js';
import { listDeliveries, type Redelivery, redeliver, waitIdle } from './deliveries.js';
import { addFault, injectedFault } from './faults.js';
import type { TaskListPage, TaskListQuery } from './list.js';
import { servedModelStatuses, setModelState } from './model-states.js';
import { admit } from './rate-limit.js';
import { ReplicaSync } from './replicas.js';
import { ok, type Refusal, type Result } from './result.js';
import type { SeedOptions } from './seed.js';
import { type CreateInput, completedTask, createTask, readTask } from './task-commands.js';
import { type TaskTally, taskTally } from './task-tally.js';
import type { AdminTask } from './views.js';

export class MockCore implements CoreContext {
  readonly options: ResolvedOptions;
  readonly scheduler: Scheduler;
  readonly store: MockStore;
  readonly deliveries: DeliveryEngine;
  readonly replicas: ReplicaSync;
  random: Random;
  traces: Random;
  readonly owner: string;
  /** The seed of this process's ids: on a shared store each replica adds its own part, so replicas never draw the same ids. */
  private readonly idSeed: string;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.idSeed = options.store?.shared ? `${options.seed}:${randomSeed()}` : options.seed;
    this.random = createRandom(this.idSeed);
    this.traces = createRandom(`${this.idSeed}:traces`);
    this.owner = `mock_${createRandom(`${this.idSeed}:owner`).base36(8)}`;
    this.scheduler = createScheduler({
      mode: options.clock,
      startTime: options.startTime,
      onError: (error) => options.logger?.(`timer failed: ${String(error)}`),
    });
    this.store =
      options.store ??
      new MemoryStore({
        maxTasks: options.maxTasks,
        startingUc: toUc(options.credits),
        attemptRetentionMs: RETENTION_MS,
      });
    this.deliveries = new DeliveryEngine({
      scheduler: this.scheduler,
      store: this.store,
      fetch: options.fetch,
      webhookSecret: options.webhookSecret,
      signed: !options.unsignedCallbacks,
      allowLocal: options.allowLocalCallbacks,
      resolveHost: options.resolveHost,
      random: createRandom(`${this.idSeed}:webhooks`),
      spans: createRandom(`${this.idSeed}:spans`),
      observer: options.observer,
      logger: options.logger,
      graceMs: options.deliveryGraceMs,
      scheduleRetry: (job) => scheduleCallback(this, job),
    });
    this.replicas = new ReplicaSync({
      store: this.store,
      scheduler: this.scheduler,
      runDueCallbacks: () => runDueCallbacks(this),
      logger: options.logger,
    });
  }

  now(): number {
    return this.scheduler.now();
  }

  /** The task's JSON as it is `at` (now, unless said). */
  render(task: StoredTask, at = this.now()): VideoTaskJson {
    return renderTask(task, at, this.options.publicUrl);
  }

  // ---- the public API's rules: rate-limit.ts, faults.ts, task-commands.ts, caller-tasks.ts, credits.ts ----

  /** Rate limit per key (when configured). */
  admit(apiKey: string): Promise<Result<string>> {
    return admit(this, apiKey);
  }

  /** The next injected fault for `path` (after its delay), as a refusal; undefined when none applies. */
  injectedFault(path: string): Promise<Refusal | undefined> {
    return injectedFault(this, path);
  }

  /** Whether a chaos profile may be in force (false: none is; a synchronous hint for the hot path). */
  get chaosMayApply(): boolean {
    return chaosMayApply(this);
  }

  /** The chaos gateway's fault for the next keyed public request, drawn from the profile in force. */
  gatewayChaos(): Promise<GatewayChaos | undefined> {
    return gatewayChaos(this);
  }

  /** Checks a callback URL against the mock's rules (https, public host, length). */
  checkCallbackUrl(url: string) {
    return callbackUrlCheck(this, url);
  }

  /** Creates a task: replay or conflict on a used Idempotency-Key, 402 on too few credits, else a new task. */
  create(input: CreateInput): Promise<Result<{ task: VideoTaskJson; replayed: boolean }>> {
    return createTask(this, input);
  }

  /** The key's task (another key's task reads as unknown); without a promise when the store answers without one. */
  task(apiKey: string, id: string): Result<VideoTaskJson> | Promise<Result<VideoTaskJson>> {
    return readTask(this, apiKey, id);
  }

  /** A page of the key's own tasks, newest first (GET /v1/tasks). */
  async callerTasks(apiKey: string, query: CallerTaskQuery): Promise<Result<TaskListJson>> {
    return ok(await listCallerTasks(this, apiKey, query));
  }

  /** The key's tasks among `ids` (POST /v1/tasks/batch); the others are simply absent. */
  async tasksBatch(apiKey: string, ids: readonly string[]): Promise<Result<TaskBatchJson>> {
    return ok(await batchTasks(this, apiKey, ids));
  }

  credits(apiKey: string): Promise<CreditsJson> {
    return credits(this, apiKey);
  }

  /** A completed task's record, for its video file; undefined when unknown, unfinished, failed or expired. */
  completedTask(id: string): Promise<StoredTask | undefined> {
    return completedTask(this, id);
  }

  // ---- the admin rules (admin API, dashboard, controller): admin-tasks.ts, deliveries.ts, seed.ts ----

  adminTask(id: string): Promise<Result<AdminTask>> {
    return adminTask(this, id);
  }

  view(task: StoredTask): Promise<AdminTask> {
    return taskView(this, task);
  }

  /** The one task query (filters, paging newest first, counts). */
  listTasks(query: TaskListQuery): Promise<TaskListPage> {
    return listTasks(this, query);
  }

  /** The live tasks by status and model and their credits by billing state, counted now (--metrics). */
  taskTally(): Promise<TaskTally> {
    return taskTally(this);
  }

  /** Ends a running task as failed / request_cancelled, refunds it and sends its callback; 409 once ended. */
  cancel(id: string): Promise<Result<AdminTask>> {
    return cancelTask(this, id);
  }

  /** Sends an ended task's callback again (to its callback_url, or `url`), altered as asked; 409 before it ends. */
  redeliver(id: string, mutate: RedeliverMutation = 'none', url?: string): Promise<Result<Redelivery>> {
    return redeliver(this, id, mutate, url);
  }

  /** Every callback attempt, oldest first (the log forgets attempts 24 h after they started). */
  listDeliveries(filter: { taskId?: string } = {}): Promise<DeliveryAttempt[]> {
    return listDeliveries(this, filter);
  }

  /** Waits until no attempt is in flight, at most `timeoutMs` of real time. */
  waitIdle(timeoutMs: number): Promise<{ idle: boolean; inFlight: number }> {
    return waitIdle(this, timeoutMs);
  }

  /** Realistic demo tasks across statuses and times (seed.ts, which loads faker on first use). */
  async seed(options: SeedOptions): Promise<Result<AdminTask[]>> {
    const { seedTasks } = await import('./seed.js');
    return seedTasks(this, options);
  }

  /** Sets a key's balance. */
  setCredits(apiKey: string, credits: number): Promise<Result<CreditsJson>> {
    return setCredits(this, apiKey, credits);
  }

  // ---- the models served and their states: model-states.ts (catalog.ts has the rules) ----

  modelStatuses(): Promise<ModelStatus[]> {
    return servedModelStatuses(this);
  }

  /** Sets a served model's state (null: back to the start options). */
  setModelState(model: string, state: ModelState | null): Promise<Result<ModelStatus>> {
    return setModelState(this, model, state);
  }

  // ---- faults (faults.ts; the list is in the store) ----

  addFault(spec: FaultSpec): Promise<Result<Fault>> {
    return addFault(this, spec);
  }

  listFaults(): Promise<Fault[]> {
    return this.store.listFaults();
  }

  clearFaults(): Promise<void> {
    return this.store.clearFaults();
  }

  // ---- chaos profiles (chaos.ts; the table in domain/chaos.ts, the run-time setting in the store) ----

  chaos(): Promise<ChaosView> {
    return chaosView(this);
  }

  /** The profile in force now, or null. */
  activeChaos() {
    return activeChaos(this);
  }

  /** Puts a profile in force, seeded by `seed` (default the server's); 400 for an unknown one. */
  setChaos(profile: string, seed?: string): Promise<Result<ChaosView>> {
    return setChaos(this, profile, seed);
  }

  /** No profile in force (a reset goes back to the start options). */
  clearChaos(): Promise<ChaosView> {
    return clearChaos(this);
  }

  // ---- the clock: clock-commands.ts ----

  clockView() {
    return clockView(this);
  }

  /** Moves a manual clock (409 on a real one), firing what falls due in time order. */
  advanceClock(ms: number): Promise<Result<{ mode: 'manual' | 'real'; now: number; iso: string }>> {
    return advanceClock(this, ms);
  }

  /** Moves the manual clock by `ms` (with a shared store: from the shared time, through every replica's due jobs). */
  moveClock(ms: number): Promise<void> {
    return moveClock(this, ms);
  }

  /** Sets the clock to `at` (ms or ISO); back only down to the newest task's creation (409). */
  setClock(at: number | string | Date): Promise<Result<ClockView>> {
    return setClock(this, at);
  }

  /** A real clock's speed, `factor` simulated ms per wall ms (409 on a manual clock). */
  scaleClock(factor: number): Promise<Result<ClockView>> {
    return scaleClock(this, factor);
  }

  /** Pauses (true) or resumes (false) a real clock (409 on a manual clock). */
  pauseClock(paused: boolean): Promise<Result<ClockView>> {
    return pauseClock(this, paused);
  }

  /** The clock back at its start: wall time, factor 1, running (real) or the start time (manual); 409 before the newest task. */
  resetClock(): Promise<Result<ClockView>> {
    return resetClock(this);
  }

  // ---- the core's own life ----

  /** Forgets tasks, credits, deliveries, faults and rate-limit state; re-seeds; the clock back at its start. */
  async reset(): Promise<void> {
    this.deliveries.close();
    this.scheduler.clear();
    await this.store.clear();
    this.random = createRandom(this.idSeed);
    this.traces = createRandom(`${this.idSeed}:traces`);
    await restartClock(this);
  }

  async close(): Promise<void> {
    this.replicas.close();
    this.scheduler.close();
    this.deliveries.close();
    await this.store.close();
  }
}
