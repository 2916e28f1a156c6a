// The delivery engine: runs a delivery's attempts (compose, send, record, schedule the retry) on the
// server's clock, under a 10 s timeout each; the attempt log and the retry jobs live in the store.

import type { ChaosProfile } from '../domain/chaos.js';
import { type Scheduler, withinGrace } from '../domain/clock.js';
import type { AttemptOutcome, DeliveryAttempt, RedeliverMutation } from '../domain/delivery-attempt.js';
import type { MockObserver } from '../domain/observer.js';
import type { Random } from '../domain/random.js';
import { attemptTraceparent, traceparentFor } from '../domain/trace-context.js';
import type { CallbackJob, MockStore } from '../store/store.js';
import { type Composer, createComposer } from './compose.js';
import { nextRetryAt } from './retry.js';
import { describeError, post, refusal, type SendOptions, type SendResult } from './send.js';

export { tamper } from './compose.js';

export interface DeliveryOptions extends SendOptions {
  scheduler: Scheduler;
  store: MockStore;
  webhookSecret: string;
  /** False: no signature headers (the live API sends none). */
  signed: boolean;
  random: Random;
  /** Draws each attempt's span id (and a trace for a delivery whose task has none). */
  spans: Random;
  /** Told of each attempt's outcome (--metrics). */
  observer?: MockObserver;
  logger?: (line: string) => void;
  /** Persists a retry and arms its timer (the core's callback driver). */
  scheduleRetry: (job: CallbackJob) => Promise<void>;
  /** Per-attempt timeout on the server's clock (default 10 s). */
  attemptTimeoutMs?: number;
  /** Delay before each retry (default 1, 2, 4 s). */
  retryDelaysMs?: readonly number[];
  /** Real-time ms a manual advance waits for an attempt's answer once it is sent (default 200). */
  graceMs?: number;
}

/** One attempt under way: what a manual advance awaits, and its end (null: it broke inside the mock). */
export interface AttemptRun {
  firstAttempt: Promise<void>;
  ended: Promise<AttemptOutcome | null>;
}

/** One delivery: its attempts share the webhook-id and body. */
export interface Delivery {
  webhookId: string;
  taskId: string;
  url: string;
  body: string;
  mutate: RedeliverMutation | null;
  /** The stored job this attempt runs: forgotten once the attempt is recorded and its retry stored. */
  jobId?: string;
  /** The chaos profile that duplicated or held this delivery (recorded with each attempt). */
  chaos?: ChaosProfile;
  /** The task's trace (W3C `traceparent`): each attempt is sent as a new span in it. */
  traceparent: string;
}

export type StartDelivery = Omit<Delivery, 'webhookId' | 'mutate' | 'traceparent'> & {
  mutate?: RedeliverMutation | null;
  /** The task's trace; without one (a task stored before traces were kept) the delivery starts its own. */
  traceparent?: string | null;
  /** Reuse a webhook-id (a duplicate); a fresh one otherwise. */
  webhookId?: string;
};

export class DeliveryEngine {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly controllers = new Set<AbortController>();
  private readonly composer: Composer;
  private readonly timeoutMs: number;
  private readonly graceMs: number;
  private generation = 0;
  private retrySeq = 0;

  constructor(private readonly options: DeliveryOptions) {
    this.composer = createComposer(options.webhookSecret, options.signed);
    this.timeoutMs = options.attemptTimeoutMs ?? 10_000;
    // Stryker disable next-line LogicalOperator: the grace only bounds how long an advance waits in real time.
    this.graceMs = options.graceMs ?? 200;
  }

  /** A fresh webhook-id (a task's own callback job gets one when it is scheduled). */
  newWebhookId(): string {
    return `msg_${this.options.random.base36(24)}`;
  }

  /**
   * Starts a delivery now. `firstAttempt` settles once its first attempt is sent and answered (or the
   * grace passed); `ended` once that attempt is recorded and its retry scheduled, with its outcome.
   */
  start(input: StartDelivery): { webhookId: string } & AttemptRun {
    const delivery = this.toDelivery(input);
    return { webhookId: delivery.webhookId, ...this.attempt(delivery, 1) };
  }

  /**
   * Records a delivery that is never sent (the `missed-callback` profile: a lost webhook), so the log
   * says why nothing arrived; no retry follows.
   */
  async drop(input: Omit<StartDelivery, 'jobId'> & { chaos: ChaosProfile }): Promise<void> {
    const delivery = this.toDelivery(input);
    const entry = this.newEntry(delivery, 1);
    Object.assign(entry, { outcome: 'dropped', endedAt: entry.at, durationMs: 0 });
    entry.error = `never sent: the ${input.chaos} chaos profile lost this callback`;
    await this.options.store.appendAttempt(entry);
    this.log(delivery, entry);
    this.options.observer?.delivery?.('dropped', 1);
  }

  /** A delivery from what its caller knows: a fresh webhook-id unless one is reused, no mutation unless asked. */
  private toDelivery(input: StartDelivery): Delivery {
    return {
      webhookId: input.webhookId ?? this.newWebhookId(),
      taskId: input.taskId,
      url: input.url,
      body: input.body,
      mutate: input.mutate ?? null,
      ...(input.jobId ? { jobId: input.jobId } : {}),
      ...(input.chaos ? { chaos: input.chaos } : {}),
      traceparent: input.traceparent ?? traceparentFor(null, this.options.spans),
    };
  }

  /** Runs a stored retry job's attempt. */
  retry(job: NonNullable<CallbackJob['retry']> & { taskId: string; jobId: string }): AttemptRun {
    const { attempt, traceparent, ...rest } = job;
    return this.attempt(
      { ...rest, traceparent: traceparent ?? traceparentFor(null, this.options.spans) },
      attempt,
    );
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Resolves once no attempt is in flight (scheduled retries are not waited for). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Aborts attempts in flight (recorded as abandoned). */
  close(): void {
    // Stryker disable next-line UpdateOperator: any change of generation marks the attempts before it.
    this.generation++;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }

  /**
   * Runs one attempt. The promise returned (what a manual advance awaits) settles once the request
   * is sent and then either answered or the grace has passed; the attempt itself goes on in flight.
   */
  private attempt(delivery: Delivery, n: number): AttemptRun {
    let sent!: () => void;
    const sentPromise = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const work = this.run(delivery, n, sent)
      .catch((error): null => {
        this.options.logger?.(`callback ${delivery.webhookId}: internal error ${String(error)}`);
        return null;
      })
      .finally(sent);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return { firstAttempt: sentPromise.then(() => withinGrace(work, this.graceMs)), ended: work };
  }

  private newEntry(delivery: Delivery, n: number): DeliveryAttempt {
    return {
      webhookId: delivery.webhookId,
      taskId: delivery.taskId,
      url: delivery.url,
      attempt: n,
      mutate: delivery.mutate,
      traceparent: attemptTraceparent(delivery.traceparent, this.options.spans),
      signed: this.options.signed,
      at: this.options.scheduler.now(),
      endedAt: null,
      durationMs: null,
      outcome: 'in_flight',
      status: null,
      error: null,
      nextRetryAt: null,
      request: { headers: {}, body: delivery.body },
      ...(delivery.chaos ? { chaos: delivery.chaos } : {}),
    };
  }

  private async run(delivery: Delivery, n: number, sent: () => void): Promise<AttemptOutcome> {
    const { scheduler, store } = this.options;
    const generation = this.generation;
    const wallStart = performance.now();
    const entry = this.newEntry(delivery, n);
    const ref = await store.appendAttempt(entry);
    const controller = new AbortController();
    this.controllers.add(controller);
    // The timeout runs on the server's clock from the start of the attempt, whatever stage it is in.
    let timedOut = false;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const timeout = scheduler.schedule(entry.at + this.timeoutMs, () => {
      // Stryker disable next-line ConditionalExpression: an ended attempt cancels this timer before it can fire.
      if (entry.outcome !== 'in_flight') return undefined;
      timedOut = true;
      controller.abort();
      return done;
    });
    const stopped = (): SendResult | null => {
      if (timedOut)
        return { outcome: 'timeout', status: null, error: `no answer within ${this.timeoutMs} ms` };
      if (generation !== this.generation)
        return { outcome: 'abandoned', status: null, error: 'server reset or closed' };
      return null;
    };
    let result: SendResult;
    try {
      result = await this.send(delivery, entry, controller.signal, sent, stopped);
    } catch (error) {
      result = stopped() ?? { outcome: 'failed', status: null, error: describeError(error) };
    }
    timeout.cancel();
    this.controllers.delete(controller);
    Object.assign(entry, result, {
      endedAt: scheduler.now(),
      durationMs: Math.round(performance.now() - wallStart),
    });
    entry.nextRetryAt =
      generation === this.generation
        ? nextRetryAt(n, entry.outcome, scheduler.now(), this.options.retryDelaysMs)
        : null;
    await store.updateAttempt(ref, entry);
    this.log(delivery, entry);
    this.options.observer?.delivery?.(entry.outcome, n);
    if (entry.nextRetryAt !== null) await this.scheduleRetry(delivery, entry);
    // An abandoned attempt (this replica stopping) leaves its job leased: another replica sends it after the lease.
    if (delivery.jobId && entry.outcome !== 'abandoned') await store.finishCallback(delivery.jobId);
    finished();
    return entry.outcome;
  }

  /** The refusal check, the composed request, and the POST; a stop (timeout, reset) wins at each step. */
  private async send(
    delivery: Delivery,
    entry: DeliveryAttempt,
    signal: AbortSignal,
    sent: () => void,
    stopped: () => SendResult | null,
  ): Promise<SendResult> {
    const refused = await refusal(delivery.url, this.options);
    const stop = stopped();
    if (stop) return stop;
    if (refused) return { outcome: 'refused', status: null, error: refused };
    const { webhookId, body, mutate } = delivery;
    entry.request = await this.composer.compose(webhookId, entry.at, body, mutate, entry.traceparent);
    return stopped() ?? (await post(delivery.url, entry.request, this.options, signal, sent));
  }

  private scheduleRetry(delivery: Delivery, entry: DeliveryAttempt): Promise<void> {
    const at = entry.nextRetryAt as number;
    return this.options.scheduleRetry({
      // Stryker disable next-line ArithmeticOperator,UpdateOperator: the sequence alone keeps ids unique.
      id: `retry:${delivery.webhookId}:${entry.attempt + 1}:${this.retrySeq++}`,
      at,
      taskId: delivery.taskId,
      retry: {
        webhookId: delivery.webhookId,
        url: delivery.url,
        body: delivery.body,
        mutate: delivery.mutate,
        attempt: entry.attempt + 1,
        ...(delivery.chaos ? { chaos: delivery.chaos } : {}),
        traceparent: delivery.traceparent,
      },
    });
  }

  private log(delivery: Delivery, entry: DeliveryAttempt): void {
    const what = entry.status !== null ? `${entry.status}` : (entry.error ?? entry.outcome);
    this.options.logger?.(
      `callback ${delivery.taskId} attempt ${entry.attempt}${delivery.mutate ? ` (${delivery.mutate})` : ''}${delivery.chaos ? ` [${delivery.chaos}]` : ''} → ${entry.outcome} ${what}`,
    );
  }
}
