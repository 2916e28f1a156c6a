// The mock's state and operations (create, read, cancel, redeliver, reset), shared by the HTTP routes and the controller.

import { Billing } from './billing.js';
import { checkCallbackUrl } from './callback-url.js';
import { createScheduler, type Scheduler } from './clock.js';
import { DeliveryEngine, type RedeliverMutation } from './deliveries.js';
import { Faults, RateLimiter } from './faults.js';
import { endNow, planTimeline, RETENTION_MS, stateAt } from './lifecycle.js';
import type { ResolvedOptions } from './options.js';
import { priceMilli, toMilli, type VideoDuration } from './prices.js';
import { createRandom, type Random } from './random.js';
import { createResponder, type Responder } from './respond.js';
import { RANDOM_FAILURE_CODES, type Scenario } from './scenarios.js';
import { TaskStore } from './store.js';
import { renderTask, TaskRecord, type VideoTaskJson } from './task.js';

/** A create body after validation (defaults filled in). */
export interface CreateBody {
  model: string;
  prompt: string;
  aspect_ratio: '16:9' | '9:16';
  duration: VideoDuration;
  remove_watermark: boolean;
  image_urls?: string[];
  callback_url?: string;
  [extra: string]: unknown;
}

export interface CreateInput {
  apiKey: string;
  body: CreateBody;
  scenario: Scenario | null;
  idempotencyKey: string | null;
  fingerprint: string | null;
  /** Back-dates the task (seeded demo data); default now. */
  createdAt?: number;
}

/** A task as the admin API shows it: the API's JSON plus what the mock knows about it. */
export interface AdminTask {
  task: VideoTaskJson;
  apiKey: string;
  scenario: string | null;
  callbackUrl: string | null;
  aspectRatio: string;
  duration: number;
  removeWatermark: boolean;
  imageToVideo: boolean;
  priceCredits: number;
  settled: boolean;
  cancelled: boolean;
  timeline: { createdAt: number; processingAt: number; endAt: number | null; expiresAt: number | null };
  deliveryAttempts: number;
}

export class MockCore {
  readonly options: ResolvedOptions;
  readonly scheduler: Scheduler;
  readonly store: TaskStore;
  readonly billing: Billing;
  readonly deliveries: DeliveryEngine;
  readonly faults = new Faults();
  readonly rateLimiter: RateLimiter | null;
  random: Random;
  private requestCount = 0;
  private requestPrefix: string;
  /** Answers with an x-request-id each. */
  readonly json: Responder['json'];
  readonly fail: Responder['fail'];
  readonly send: Responder['send'];

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.random = createRandom(options.seed);
    this.requestPrefix = `req_${this.random.base36(6)}_`;
    this.scheduler = createScheduler({
      mode: options.clock,
      startTime: options.startTime,
      onError: (error) => options.logger?.(`timer failed: ${String(error)}`),
    });
    this.store = new TaskStore(options.maxTasks, (task) => {
      task.callbackTimer?.cancel();
      task.callbackTimer = null;
      this.billing.forget(task, this.now());
    });
    this.billing = new Billing(toMilli(options.credits));
    this.deliveries = new DeliveryEngine({
      scheduler: this.scheduler,
      fetch: options.fetch,
      webhookSecret: options.webhookSecret,
      allowLocal: options.allowLocalCallbacks,
      resolveHost: options.resolveHost,
      random: createRandom(`${options.seed}:webhooks`),
      logger: options.logger,
      graceMs: options.deliveryGraceMs,
    });
    this.rateLimiter = options.rateLimit === null ? null : new RateLimiter(options.rateLimit);
    const responder = createResponder(() => this.nextRequestId());
    this.json = responder.json;
    this.fail = responder.fail;
    this.send = responder.send;
  }

  now(): number {
    return this.scheduler.now();
  }

  nextRequestId(): string {
    return this.requestPrefix + (++this.requestCount).toString(36);
  }

  /** The key's task by id (undefined for an unknown, expired or another key's task). */
  taskFor(apiKey: string, id: string): TaskRecord | undefined {
    const now = this.now();
    this.billing.settleDue(now);
    const task = this.store.get(id, now);
    return task && task.apiKey === apiKey ? task : undefined;
  }

  render(task: TaskRecord): VideoTaskJson {
    return renderTask(task, this.now(), this.options.publicUrl);
  }

  /** Remaining millicredits of a key, after settling every task that has ended. */
  remainingMilli(apiKey: string): number {
    this.billing.settleDue(this.now());
    return this.billing.account(apiKey).remaining;
  }

  createTask(input: CreateInput): TaskRecord {
    const now = input.createdAt ?? this.now();
    const { body, scenario } = input;
    let id: string;
    do {
      id = `task-unified-${Math.floor(now / 1000)}-${this.random.base36(8)}`;
    } while (this.store.has(id));
    let outcome = scenario?.outcome;
    let failureCode = scenario?.failureCode ?? null;
    if (!outcome) {
      outcome =
        this.options.failureRate > 0 && this.random.next() < this.options.failureRate
          ? 'failed'
          : 'completed';
    }
    if (outcome === 'failed' && !failureCode) {
      failureCode = RANDOM_FAILURE_CODES[this.random.int(RANDOM_FAILURE_CODES.length)] ?? 'unknown_error';
    }
    const image = Boolean(body.image_urls?.length);
    const timeline = planTimeline(
      {
        now,
        duration: body.duration,
        image,
        speed: this.options.speed,
        slow: scenario?.slow ?? false,
        outcome,
      },
      this.random,
    );
    const task = new TaskRecord(
      {
        id,
        apiKey: input.apiKey,
        duration: body.duration,
        aspectRatio: body.aspect_ratio,
        removeWatermark: body.remove_watermark,
        image,
        priceMilli: priceMilli(body.duration, body.remove_watermark),
        callbackUrl: body.callback_url ?? null,
        failureCode,
        scenario: scenario?.raw ?? null,
        idempotencyKey: input.idempotencyKey,
        fingerprint: input.fingerprint,
      },
      timeline,
    );
    this.store.add(task, now);
    this.billing.reserve(task);
    if (task.callbackUrl && Number.isFinite(task.endAt)) {
      task.callbackTimer = this.scheduler.schedule(task.endAt, () => this.sendCallback(task));
    }
    return task;
  }

  /** The task's own callback, sent when it ends (after its credits settle). */
  private sendCallback(task: TaskRecord): Promise<void> | undefined {
    task.callbackTimer = null;
    if (task.removed || !task.callbackUrl) return undefined;
    this.billing.settle(task);
    const body = JSON.stringify(this.render(task));
    return this.deliveries.start({ taskId: task.id, url: task.callbackUrl, body }).firstAttempt;
  }

  /** Ends a running task as failed / request_cancelled, refunds it and sends its callback. */
  cancel(task: TaskRecord): 'cancelled' | 'ended' {
    const now = this.now();
    const { status } = stateAt(task, now);
    if (status === 'completed' || status === 'failed') return 'ended';
    task.callbackTimer?.cancel();
    task.callbackTimer = null;
    endNow(task, now);
    task.cancelled = true;
    task.failureCode = 'request_cancelled';
    this.billing.settle(task);
    if (task.callbackUrl) void this.sendCallback(task);
    return 'cancelled';
  }

  /**
   * Sends a finished task's callback again, altered as asked. `duplicate` resends the task's first
   * delivery with its webhook-id and body; without one, it sends a fresh delivery twice.
   */
  redeliver(
    task: TaskRecord,
    mutate: RedeliverMutation,
    url: string,
  ): { webhookId: string; firstAttempt: Promise<void> } {
    const body = JSON.stringify(this.render(task));
    if (mutate === 'duplicate') {
      const original = this.deliveries.original(task.id);
      if (original && original.url === url) {
        return this.deliveries.start({
          taskId: task.id,
          url,
          body: original.body,
          webhookId: original.webhookId,
          mutate,
        });
      }
      const first = this.deliveries.start({ taskId: task.id, url, body, mutate });
      const second = this.deliveries.start({
        taskId: task.id,
        url,
        body,
        mutate,
        webhookId: first.webhookId,
      });
      return {
        webhookId: first.webhookId,
        firstAttempt: Promise.all([first.firstAttempt, second.firstAttempt]).then(() => {}),
      };
    }
    return this.deliveries.start({ taskId: task.id, url, body, mutate });
  }

  checkCallbackUrl(url: string) {
    return checkCallbackUrl(url, { allowLocal: this.options.allowLocalCallbacks });
  }

  adminView(task: TaskRecord): AdminTask {
    const finite = (n: number) => (Number.isFinite(n) ? n : null);
    return {
      task: this.render(task),
      apiKey: task.apiKey,
      scenario: task.scenario,
      callbackUrl: task.callbackUrl,
      aspectRatio: task.aspectRatio,
      duration: task.duration,
      removeWatermark: task.removeWatermark,
      imageToVideo: task.image,
      priceCredits: task.priceMilli / 1000,
      settled: task.settled,
      cancelled: task.cancelled,
      timeline: {
        createdAt: task.createdAt,
        processingAt: task.processingAt,
        endAt: finite(task.endAt),
        expiresAt: finite(task.endAt + RETENTION_MS),
      },
      deliveryAttempts: this.deliveries.list({ taskId: task.id }).length,
    };
  }

  /** Forgets tasks, credits, deliveries, faults and rate-limit state; re-seeds. The clock keeps its time. */
  reset(): void {
    this.store.clear();
    this.billing.clear();
    this.deliveries.reset();
    this.faults.clear();
    this.rateLimiter?.clear();
    this.scheduler.clear();
    this.random = createRandom(this.options.seed);
    this.requestPrefix = `req_${this.random.base36(6)}_`;
    this.requestCount = 0;
  }

  close(): void {
    this.scheduler.close();
    this.deliveries.close();
  }
}
