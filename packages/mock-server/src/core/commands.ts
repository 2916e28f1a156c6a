// The command core: every rule of the mock, answered as plain results. The HTTP API, the admin API, the
// dashboard and the in-process controller are adapters over these methods; the state is in the store.

import { type DeliveryAttempt, REDELIVER_MUTATIONS, type RedeliverMutation } from '../delivery/attempt.js';
import { checkCallbackUrl } from '../delivery/callback-url.js';
import { type AttemptRun, DeliveryEngine } from '../delivery/engine.js';
import { createScheduler, type Scheduler } from '../domain/clock.js';
import type { CreateBody } from '../domain/create-body.js';
import { RETENTION_MS, stateAt } from '../domain/lifecycle.js';
import type { ModelState } from '../domain/model-state.js';
import { MAX_CREDITS, toCredits, toUc } from '../domain/prices.js';
import { createRandom, type Random, randomSeed } from '../domain/random.js';
import type { Scenario } from '../domain/scenarios.js';
import { renderTask, type VideoTaskJson } from '../domain/task.js';
import type { ResolvedOptions } from '../options.js';
import { type CreditsJson, creditsJson } from '../store/billing.js';
import { FAULT_STATUSES, type Fault, type FaultSpec } from '../store/faults.js';
import { MemoryStore, ownJobId } from '../store/memory.js';
import type { CallbackJob, MockStore, StoredTask } from '../store/store.js';
import {
  batchTasks,
  type CallerTaskQuery,
  listCallerTasks,
  type TaskBatchJson,
  type TaskListJson,
} from './caller-tasks.js';
import { DEGRADED_SLOWDOWN, type ModelStatus, modelGate, modelStatuses } from './catalog.js';
import { planTask } from './create.js';
import { queryTasks, type TaskListPage, type TaskListQuery } from './list.js';
import { ReplicaSync } from './replicas.js';
import { ok, type Refusal, type Result, refuse } from './result.js';
import type { SeedOptions } from './seed.js';
import { type AdminTask, adminView } from './views.js';

export interface CreateInput {
  apiKey: string;
  /** Validated against the spec, defaults filled in. */
  body: CreateBody;
  scenario: Scenario | null;
  idempotencyKey: string | null;
  /** Canonical JSON of the body (compared on a replay); null without an Idempotency-Key. */
  fingerprint: string | null;
}

export interface Redelivery {
  taskId: string;
  webhookId: string;
  mutate: RedeliverMutation;
  url: string;
  /** Settles once the first attempt is sent and answered (or the grace passed). */
  firstAttempt: Promise<void>;
}

/** How long a claimed callback job is leased before another replica may claim it (well past the 10 s attempt timeout). */
export const CALLBACK_LEASE_MS = 60_000;

export class MockCore {
  readonly options: ResolvedOptions;
  readonly scheduler: Scheduler;
  readonly store: MockStore;
  readonly deliveries: DeliveryEngine;
  random: Random;
  /** Names this process when it claims callback jobs. */
  private readonly owner: string;
  /** The seed of this process's ids: on a shared store each replica adds its own part, so replicas never draw the same ids. */
  private readonly idSeed: string;
  /** With a shared store: the shared manual clock and the work other replicas left. */
  readonly replicas: ReplicaSync;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.idSeed = options.store?.shared ? `${options.seed}:${randomSeed()}` : options.seed;
    this.random = createRandom(this.idSeed);
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
      logger: options.logger,
      graceMs: options.deliveryGraceMs,
      scheduleRetry: (job) => this.schedule(job),
    });
    this.replicas = new ReplicaSync({
      store: this.store,
      scheduler: this.scheduler,
      runDueCallbacks: () => this.runDueCallbacks(),
      logger: options.logger,
    });
  }

  now(): number {
    return this.scheduler.now();
  }

  render(task: StoredTask): VideoTaskJson {
    return renderTask(task, this.now(), this.options.publicUrl);
  }

  // ---- the public API's rules ----

  /** Rate limit per key (when configured). */
  async admit(apiKey: string): Promise<Result<string>> {
    const { rateLimit } = this.options;
    if (rateLimit === null) return ok(apiKey);
    const wait = await this.store.takeRateToken(apiKey, rateLimit, this.now());
    if (!wait) return ok(apiKey);
    const message = `Too many requests; retry after ${wait} second${wait === 1 ? '' : 's'}.`;
    return { ...refuse('rate_limit_exceeded', message), retryAfter: wait };
  }

  /** The next injected fault for `path` (after its delay), as a refusal; undefined when none applies. */
  async injectedFault(path: string): Promise<Refusal | undefined> {
    if (!this.store.mayHaveFaults) return undefined;
    const fault = await this.store.takeFault(path);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (!fault?.status) return undefined;
    this.options.logger?.(`${path}: injected fault ${fault.status}`);
    const code =
      fault.status === 429
        ? 'rate_limit_exceeded'
        : fault.status === 502
          ? 'upstream_error'
          : fault.status === 503
            ? 'service_unavailable'
            : 'internal_error';
    const refusal: Refusal = { ...refuse(code, ''), injected: true };
    if (fault.status !== 500) refusal.retryAfter = fault.retryAfter ?? 1;
    return refusal;
  }

  /** Checks a callback URL against the mock's rules (https, public host, length). */
  checkCallbackUrl(url: string) {
    return checkCallbackUrl(url, { allowLocal: this.options.allowLocalCallbacks });
  }

  /** Creates a task: replay or conflict on a used Idempotency-Key, 402 on too few credits, else a new task. */
  async create(input: CreateInput): Promise<Result<{ task: VideoTaskJson; replayed: boolean }>> {
    const { callback_url, model } = input.body;
    const overrides = await this.store.modelStates();
    const refused = modelGate(this.options, overrides, model);
    if (refused) return refused;
    if (callback_url !== undefined) {
      const check = this.checkCallbackUrl(callback_url);
      if (!check.ok) return refuse('invalid_request', `callback_url ${check.reason}`, 'callback_url');
    }
    // A degraded model is served, slowly.
    const slowdown = overrides[model] === 'degraded' ? DEGRADED_SLOWDOWN : 1;
    for (;;) {
      const now = this.now();
      const { failureRate } = this.options;
      const speed = this.options.speed / slowdown;
      const planned = planTask(input, { now, speed, failureRate }, this.random);
      const outcome = await this.store.insertTask(planned, now);
      switch (outcome.kind) {
        case 'id_taken':
          continue;
        case 'conflict':
          return refuse(
            'idempotency_conflict',
            'This Idempotency-Key was used with a different request body.',
          );
        case 'insufficient': {
          const need = toCredits(planned.priceUc);
          const left = toCredits(Math.max(0, outcome.remaining));
          return refuse('insufficient_quota', `This task needs ${need} credits; ${left} remain.`);
        }
        case 'replayed':
          return ok({ task: this.render(outcome.task), replayed: true });
        case 'created':
          await this.created(outcome.task);
          return ok({ task: this.render(outcome.task), replayed: false });
      }
    }
  }

  /** A seeded demo task, back-dated to `createdAt`: free (no credits), otherwise a task like any other. */
  async insertSeeded(input: { apiKey: string; body: CreateBody; scenario: Scenario; createdAt: number }) {
    const { speed, failureRate } = this.options;
    for (;;) {
      const request = { ...input, idempotencyKey: null, fingerprint: null };
      const at = { now: input.createdAt, speed, failureRate };
      const outcome = await this.store.insertTask(planTask(request, at, this.random), this.now(), {
        free: true,
      });
      if (outcome.kind === 'id_taken') continue;
      if (outcome.kind !== 'created') throw new Error(`A seeded task was not stored (${outcome.kind})`);
      await this.created(outcome.task);
      return outcome.task;
    }
  }

  /** Realistic demo tasks across statuses and times (core/seed.ts, which loads faker on first use). */
  async seed(options: SeedOptions): Promise<Result<AdminTask[]>> {
    const { seedTasks } = await import('./seed.js');
    return seedTasks(this, options);
  }

  private async created(task: StoredTask): Promise<void> {
    const failure = task.failureCode ? ` ${task.failureCode}` : '';
    this.options.logger?.(`task ${task.id} created (${task.outcome}${failure})`);
    if (task.callbackUrl && Number.isFinite(task.endAt)) {
      // The webhook-id is fixed now: whichever replica sends the callback (or takes it over) sends this one.
      const webhookId = this.deliveries.newWebhookId();
      await this.schedule({ id: ownJobId(task.id), at: task.endAt, taskId: task.id, webhookId });
    }
  }

  /** The key's task (another key's task reads as unknown); without a promise when the store answers without one. */
  task(apiKey: string, id: string): Result<VideoTaskJson> | Promise<Result<VideoTaskJson>> {
    const found = this.store.getTask(id, this.now());
    return found instanceof Promise
      ? found.then((task) => this.visibleTask(apiKey, id, task))
      : this.visibleTask(apiKey, id, found);
  }

  private visibleTask(apiKey: string, id: string, task: StoredTask | undefined): Result<VideoTaskJson> {
    if (!task || task.apiKey !== apiKey)
      return refuse('task_not_found', `No task ${id} for this API key.`, 'task_id');
    return ok(this.render(task));
  }

  /** A page of the key's own tasks, newest first (GET /v1/tasks). */
  async callerTasks(apiKey: string, query: CallerTaskQuery): Promise<Result<TaskListJson>> {
    return ok(await listCallerTasks(this, apiKey, query));
  }

  /** The key's tasks among `ids` (POST /v1/tasks/batch); the others are simply absent. */
  async tasksBatch(apiKey: string, ids: readonly string[]): Promise<Result<TaskBatchJson>> {
    return ok(await batchTasks(this, apiKey, ids));
  }

  async credits(apiKey: string): Promise<CreditsJson> {
    return creditsJson(await this.store.account(apiKey, this.now()));
  }

  /** A completed task's record, for its video file; undefined when unknown, unfinished, failed or expired. */
  async completedTask(id: string): Promise<StoredTask | undefined> {
    const now = this.now();
    const task = await this.store.getTask(id, now);
    return task && stateAt(task, now).status === 'completed' ? task : undefined;
  }

  // ---- the admin rules (admin API, dashboard, controller) ----

  async adminTask(id: string): Promise<Result<AdminTask>> {
    const task = await this.store.getTask(id, this.now());
    if (!task) return refuse('task_not_found', `No task ${id}.`, 'id');
    return ok(await this.view(task));
  }

  async view(task: StoredTask): Promise<AdminTask> {
    const attempts = await this.store.listAttempts({ taskId: task.id });
    return adminView(task, this.now(), this.options.publicUrl, attempts.length);
  }

  /** The one task query (filters, paging newest first, counts). */
  async listTasks(query: TaskListQuery): Promise<TaskListPage> {
    const now = this.now();
    return queryTasks(await this.store.listTasks(now), now, query);
  }

  /** Ends a running task as failed / request_cancelled, refunds it and sends its callback; 409 once ended. */
  async cancel(id: string): Promise<Result<AdminTask>> {
    const cancelled = await this.store.cancelTask(id, this.now());
    if (!cancelled) return refuse('task_not_found', `No task ${id}.`, 'id');
    const { task, ended } = cancelled;
    if (ended) return refuse('conflict', `Task ${id} has already ended.`, 'id');
    if (task.callbackUrl) {
      this.sendOwnCallback(task).catch((error) =>
        this.options.logger?.(`callback ${id}: not sent (${String(error)})`),
      );
    }
    return ok(await this.view(task));
  }

  /** Sends an ended task's callback again (to its callback_url, or `url`), altered as asked; 409 before it ends. */
  async redeliver(id: string, mutate: RedeliverMutation = 'none', url?: string): Promise<Result<Redelivery>> {
    const task = await this.store.getTask(id, this.now());
    if (!task) return refuse('task_not_found', `No task ${id}.`, 'id');
    if (!REDELIVER_MUTATIONS.includes(mutate)) {
      return refuse('invalid_request', `mutate must be one of: ${REDELIVER_MUTATIONS.join(', ')}`, 'mutate');
    }
    const status = stateAt(task, this.now()).status;
    if (status !== 'completed' && status !== 'failed') {
      return refuse(
        'conflict',
        `Task ${id} has not ended yet (${status}); its callback is sent when it does.`,
        'id',
      );
    }
    const target = url ?? task.callbackUrl;
    if (typeof target !== 'string')
      return refuse('invalid_request', 'The task has no callback_url; pass "url".', 'url');
    const check = this.checkCallbackUrl(target);
    if (!check.ok) return refuse('invalid_request', `url ${check.reason}`, 'url');
    const sent = await this.startRedelivery(task, mutate, target);
    return ok({ taskId: id, mutate, url: target, ...sent });
  }

  /** `duplicate` resends the task's first delivery (webhook-id and body); without one, a fresh delivery twice. */
  private async startRedelivery(task: StoredTask, mutate: RedeliverMutation, url: string) {
    const body = JSON.stringify(this.render(task));
    const taskId = task.id;
    if (mutate !== 'duplicate') return this.deliveries.start({ taskId, url, body, mutate });
    const first = (await this.store.listAttempts({ taskId })).find((r) => r.mutate === null);
    if (first && first.url === url) {
      return this.deliveries.start({
        taskId,
        url,
        body: first.request.body,
        webhookId: first.webhookId,
        mutate,
      });
    }
    const one = this.deliveries.start({ taskId, url, body, mutate });
    const two = this.deliveries.start({ taskId, url, body, mutate, webhookId: one.webhookId });
    return {
      webhookId: one.webhookId,
      firstAttempt: Promise.all([one.firstAttempt, two.firstAttempt]).then(() => {}),
    };
  }

  async setCredits(apiKey: string, credits: number): Promise<Result<CreditsJson>> {
    if (!apiKey) return refuse('invalid_request', 'apiKey must be a non-empty string', 'apiKey');
    if (!Number.isFinite(credits) || credits < 0 || credits > MAX_CREDITS)
      return refuse('invalid_request', `credits must be a number from 0 to ${MAX_CREDITS}`, 'credits');
    return ok(creditsJson(await this.store.setRemaining(apiKey, toUc(credits), this.now())));
  }

  // ---- the models served and their states (catalog.ts has the rules) ----

  async modelStatuses(): Promise<ModelStatus[]> {
    return modelStatuses(this.options, await this.store.modelStates());
  }

  /** Sets a served model's state (null: back to the start options). */
  async setModelState(model: string, state: ModelState | null): Promise<Result<ModelStatus>> {
    if (!(this.options.models as string[]).includes(model)) {
      return refuse(
        'not_found',
        `No model ${model} is served here (served: ${this.options.models.join(', ')}).`,
        'model',
      );
    }
    await this.store.setModelState(model, state);
    const status = (await this.modelStatuses()).find((s) => s.model.id === model) as ModelStatus;
    this.options.logger?.(`model ${model} is ${status.state}`);
    return ok(status);
  }

  async addFault(spec: FaultSpec): Promise<Result<Fault>> {
    const problem = faultProblem(spec);
    if (problem) return problem;
    return ok(await this.store.addFault(spec));
  }

  listFaults(): Promise<Fault[]> {
    return this.store.listFaults();
  }

  clearFaults(): Promise<void> {
    return this.store.clearFaults();
  }

  clockView() {
    const now = this.now();
    return {
      mode: this.scheduler.mode,
      now,
      iso: new Date(now).toISOString(),
      timers: this.scheduler.pending,
    };
  }

  /** Moves a manual clock (409 on a real one), firing what falls due in time order. */
  async advanceClock(ms: number): Promise<Result<{ mode: 'manual' | 'real'; now: number; iso: string }>> {
    if (this.scheduler.mode !== 'manual') {
      return refuse(
        'conflict',
        'The clock is real; start the server with clock "manual" (--clock manual) to move it.',
      );
    }
    if (!Number.isInteger(ms) || ms < 0) return refuse('invalid_request', 'ms must be an integer >= 0', 'ms');
    await this.moveClock(ms);
    const { mode, now, iso } = this.clockView();
    return ok({ mode, now, iso });
  }

  /** Every callback attempt, oldest first (the log forgets attempts 24 h after they started). */
  async listDeliveries(filter: { taskId?: string } = {}): Promise<DeliveryAttempt[]> {
    await this.store.pruneAttempts(this.now() - RETENTION_MS);
    return this.store.listAttempts(filter);
  }

  /** Waits until no attempt is in flight, at most `timeoutMs` of real time. */
  async waitIdle(timeoutMs: number): Promise<{ idle: boolean; inFlight: number }> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = await Promise.race([
      this.deliveries.idle().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return { idle, inFlight: this.deliveries.inFlightCount };
  }

  /** Moves the manual clock by `ms` (with a shared store: from the shared time, through every replica's due jobs). */
  moveClock(ms: number): Promise<void> {
    return this.replicas.moveClock(ms);
  }

  // ---- callbacks: jobs in the store, one local timer each, claimed under a lease when due ----

  private async schedule(job: CallbackJob): Promise<void> {
    await this.store.scheduleCallback(job);
    this.scheduler.schedule(job.at, () => this.runDueCallbacks());
  }

  /**
   * Runs every job due now; the promise (what a manual advance awaits) settles when their first attempts
   * have. A job is forgotten only once its attempt is recorded and any retry stored, so a replica that dies
   * before leaves it leased, and another replica sends it (same webhook-id) when the lease runs out.
   */
  private async runDueCallbacks(): Promise<void> {
    const jobs = await this.store.claimDueCallbacks(this.now(), this.owner, CALLBACK_LEASE_MS);
    const attempts = jobs.map(async (job) => {
      const run = await this.startJob(job);
      if (run) await run.firstAttempt;
      else await this.store.finishCallback(job.id);
    });
    await Promise.all(attempts);
  }

  private async startJob(job: CallbackJob): Promise<AttemptRun | undefined> {
    if (job.retry) return this.deliveries.retry({ taskId: job.taskId, jobId: job.id, ...job.retry });
    const task = await this.store.getTask(job.taskId, this.now());
    if (!task?.callbackUrl) return undefined;
    return this.startOwnCallback(task, job);
  }

  /** The task's own callback, sent when it ends (after its credits settle: the store settles on read). */
  private async startOwnCallback(task: StoredTask, job?: CallbackJob): Promise<AttemptRun> {
    await this.store.settleDue(this.now());
    const body = JSON.stringify(this.render(task));
    const url = task.callbackUrl as string;
    return this.deliveries.start({ taskId: task.id, url, body, webhookId: job?.webhookId, jobId: job?.id });
  }

  private async sendOwnCallback(task: StoredTask): Promise<void> {
    await (await this.startOwnCallback(task)).firstAttempt;
  }

  /** Forgets tasks, credits, deliveries, faults and rate-limit state; re-seeds. The clock keeps its time. */
  async reset(): Promise<void> {
    this.deliveries.close();
    this.scheduler.clear();
    await this.store.clear();
    this.random = createRandom(this.idSeed);
  }

  async close(): Promise<void> {
    this.replicas.close();
    this.scheduler.close();
    this.deliveries.close();
    await this.store.close();
  }
}

/** What is wrong with a fault, beyond its fields' types. */
function faultProblem(spec: FaultSpec): Refusal | undefined {
  if (spec.status !== undefined && !FAULT_STATUSES.includes(spec.status)) {
    return refuse('invalid_request', `status must be one of: ${FAULT_STATUSES.join(', ')}`, 'status');
  }
  for (const field of ['count', 'delayMs', 'retryAfter'] as const) {
    const value = spec[field];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      return refuse('invalid_request', `${field} must be an integer >= 0`, field);
    }
  }
  if (spec.count === 0) return refuse('invalid_request', 'count must be at least 1', 'count');
  if ((spec.delayMs ?? 0) > 120_000)
    return refuse('invalid_request', 'delayMs must be at most 120000', 'delayMs');
  if (spec.path !== undefined && (typeof spec.path !== 'string' || !spec.path.startsWith('/'))) {
    return refuse('invalid_request', 'path must be a path prefix starting with /', 'path');
  }
  if (spec.status === undefined && !spec.delayMs) {
    return refuse('invalid_request', 'A fault needs a status, a delayMs, or both.', 'status');
  }
  return undefined;
}
