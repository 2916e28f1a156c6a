// Callback delivery: signed POSTs, 10 s timeout and retries 1/2/4 s on the server's clock, every attempt recorded.

import { type Scheduler, type Timer, withinGrace } from '../domain/clock.js';
import { RETENTION_MS } from '../domain/lifecycle.js';
import type { Random } from '../domain/random.js';
import type { AttemptOutcome, DeliveryAttempt, RedeliverMutation } from './attempt.js';
import { classifyHost, isForbiddenAddress } from './callback-url.js';
import { createSigner, generateWebhookSecret, type Signer } from './signature.js';

export {
  type AttemptOutcome,
  type DeliveryAttempt,
  REDELIVER_MUTATIONS,
  type RedeliverMutation,
} from './attempt.js';

export interface DeliveryOptions {
  scheduler: Scheduler;
  fetch: typeof fetch;
  webhookSecret: string;
  allowLocal: boolean;
  resolveHost?: (hostname: string) => Promise<string[]>;
  random: Random;
  logger?: (line: string) => void;
  /** Per-attempt timeout on the server's clock (default 10 s). */
  attemptTimeoutMs?: number;
  /** Delay before each retry (default 1, 2, 4 s). */
  retryDelaysMs?: readonly number[];
  /** Attempts kept for listing; the oldest go first (default 10,000). */
  maxRecords?: number;
  /** Attempts are forgotten this long after they started, by the server's clock (default 24 h, as tasks). */
  retentionMs?: number;
  /**
   * Real-time ms the promise of an attempt waits for the receiver's answer once the request is sent
   * (default 200); a manual advance awaits that promise, so a hanging receiver cannot block it.
   */
  graceMs?: number;
}

interface Delivery {
  webhookId: string;
  taskId: string;
  url: string;
  body: string;
  mutate: RedeliverMutation | null;
}

export interface StartDelivery {
  taskId: string;
  url: string;
  body: string;
  mutate?: RedeliverMutation | null;
  /** Reuse a webhook-id (a duplicate); a fresh one otherwise. */
  webhookId?: string;
}

/** Timestamps this far back make a receiver's 5-minute tolerance refuse the delivery. */
const STALE_BY_SECONDS = 600;

export class DeliveryEngine {
  private records: DeliveryAttempt[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private readonly sign: Signer;
  private wrongSign: Signer | undefined;
  private readonly timeoutMs: number;
  private readonly retryDelays: readonly number[];
  private readonly maxRecords: number;
  private readonly graceMs: number;
  private readonly retentionMs: number;
  /** One timer at a time, due when the oldest record expires. */
  private pruneTimer: Timer | null = null;
  private generation = 0;

  constructor(private readonly options: DeliveryOptions) {
    this.sign = createSigner(options.webhookSecret);
    this.timeoutMs = options.attemptTimeoutMs ?? 10_000;
    this.retryDelays = options.retryDelaysMs ?? [1000, 2000, 4000];
    this.maxRecords = options.maxRecords ?? 10_000;
    this.graceMs = options.graceMs ?? 200;
    this.retentionMs = options.retentionMs ?? RETENTION_MS;
  }

  newWebhookId(): string {
    return `msg_${this.options.random.base36(24)}`;
  }

  /** Starts a delivery now; the promise settles once its first attempt is sent and answered (or the grace passed). */
  start(input: StartDelivery): { webhookId: string; firstAttempt: Promise<void> } {
    const delivery: Delivery = {
      webhookId: input.webhookId ?? this.newWebhookId(),
      taskId: input.taskId,
      url: input.url,
      body: input.body,
      mutate: input.mutate ?? null,
    };
    return { webhookId: delivery.webhookId, firstAttempt: this.attempt(delivery, 1) };
  }

  list(filter: { taskId?: string } = {}): DeliveryAttempt[] {
    const records = filter.taskId ? this.records.filter((r) => r.taskId === filter.taskId) : this.records;
    return records.map((r) => ({
      ...r,
      request: { headers: { ...r.request.headers }, body: r.request.body },
    }));
  }

  /** The first recorded attempt of a task's own callback (for a `duplicate` redelivery). */
  original(taskId: string): { webhookId: string; url: string; body: string } | undefined {
    const first = this.records.find((r) => r.taskId === taskId && r.mutate === null);
    return first && { webhookId: first.webhookId, url: first.url, body: first.request.body };
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Resolves once no attempt is in flight (scheduled retries are not waited for). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Aborts attempts in flight (recorded as abandoned) and forgets every record. */
  reset(): void {
    this.generation++;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
    this.records = [];
    this.pruneTimer?.cancel();
    this.pruneTimer = null;
  }

  /** Forgets attempts that started more than the retention ago (never one still in flight). */
  prune(now: number): void {
    const cutoff = now - this.retentionMs;
    let drop = 0;
    while (drop < this.records.length) {
      const record = this.records[drop] as DeliveryAttempt;
      if (record.at > cutoff || record.outcome === 'in_flight') break;
      drop++;
    }
    if (drop) this.records = this.records.slice(drop);
  }

  /** Keeps one timer armed for when the oldest record expires (records are in start order). */
  private armPrune(): void {
    const oldest = this.records[0];
    if (this.pruneTimer || !oldest) return;
    const { scheduler } = this.options;
    // An oldest attempt still in flight (it cannot be for long: 10 s timeout) is looked at again later.
    const due = Math.max(
      oldest.at + this.retentionMs,
      oldest.outcome === 'in_flight' ? scheduler.now() + 60_000 : 0,
    );
    this.pruneTimer = scheduler.schedule(due, () => {
      this.pruneTimer = null;
      this.prune(scheduler.now());
      this.armPrune();
      return undefined;
    });
  }

  close(): void {
    this.generation++;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }

  /**
   * Runs one attempt. The promise returned (what a manual advance awaits) settles once the request
   * is sent and then either answered or the grace has passed; the attempt itself goes on in flight.
   */
  private attempt(delivery: Delivery, n: number): Promise<void> {
    let sent!: () => void;
    const sentPromise = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const work = this.run(delivery, n, sent)
      .catch((error) => {
        this.options.logger?.(`callback ${delivery.webhookId}: internal error ${String(error)}`);
      })
      .finally(sent);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return sentPromise.then(() => withinGrace(work, this.graceMs));
  }

  private record(entry: DeliveryAttempt): void {
    this.records.push(entry);
    if (this.records.length > this.maxRecords * 1.1) {
      this.records = this.records.slice(this.records.length - this.maxRecords);
    }
    this.armPrune();
  }

  private async run(delivery: Delivery, n: number, sent: () => void): Promise<void> {
    const { scheduler } = this.options;
    const generation = this.generation;
    const wallStart = performance.now();
    const entry: DeliveryAttempt = {
      webhookId: delivery.webhookId,
      taskId: delivery.taskId,
      url: delivery.url,
      attempt: n,
      mutate: delivery.mutate,
      signed: true,
      at: scheduler.now(),
      endedAt: null,
      durationMs: null,
      outcome: 'in_flight',
      status: null,
      error: null,
      nextRetryAt: null,
      request: { headers: {}, body: delivery.body },
    };
    this.record(entry);
    const end = (outcome: AttemptOutcome, status: number | null, error: string | null) => {
      entry.outcome = outcome;
      entry.status = status;
      entry.error = error;
      entry.endedAt = scheduler.now();
      entry.durationMs = Math.round(performance.now() - wallStart);
    };

    // The timeout runs on the server's clock from the start of the attempt, whatever stage it is in.
    const controller = new AbortController();
    this.controllers.add(controller);
    let timedOut = false;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const timeout = scheduler.schedule(entry.at + this.timeoutMs, () => {
      if (entry.outcome !== 'in_flight') return undefined;
      timedOut = true;
      controller.abort();
      return done;
    });
    const stopped = () => {
      if (timedOut) end('timeout', null, `no answer within ${this.timeoutMs} ms`);
      else if (generation !== this.generation) end('abandoned', null, 'server reset or closed');
      else return false;
      return true;
    };

    try {
      // The host is checked again now, on the addresses it resolves to (DNS rebinding).
      const refusal = await this.refusal(delivery.url);
      if (stopped()) return;
      if (refusal) {
        end('refused', null, refusal);
        return;
      }
      const { headers, body } = await this.compose(delivery, entry.at);
      entry.request = { headers, body };
      if (stopped()) return;
      const pending = this.options.fetch(delivery.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: controller.signal,
      });
      sent();
      const response = await pending;
      // The answer's body is not needed; release the connection.
      await response.body?.cancel().catch(() => {});
      const status = response.status;
      if (status >= 200 && status < 300) end('delivered', status, null);
      else if (status === 0 || (status >= 300 && status < 400))
        end('failed', status, `redirect (${status}) not followed`);
      else end('failed', status, `answered ${status}`);
    } catch (error) {
      if (!stopped()) end('failed', null, describeError(error));
    } finally {
      timeout.cancel();
      this.controllers.delete(controller);
      this.log(delivery, entry);
      this.scheduleRetry(delivery, entry, generation);
      finished();
    }
  }

  private scheduleRetry(delivery: Delivery, entry: DeliveryAttempt, generation: number): void {
    const delay = this.retryDelays[entry.attempt - 1];
    const retryable = entry.outcome === 'failed' || entry.outcome === 'timeout';
    if (!retryable || delay === undefined || generation !== this.generation) return;
    entry.nextRetryAt = this.options.scheduler.now() + delay;
    this.options.scheduler.schedule(entry.nextRetryAt, () =>
      generation === this.generation ? this.attempt(delivery, entry.attempt + 1) : undefined,
    );
  }

  /** Why this URL must not be called now, or null. */
  private async refusal(raw: string): Promise<string | null> {
    if (this.options.allowLocal) return null;
    const url = new URL(raw);
    const host = classifyHost(url.hostname);
    if (host.forbidden) return `refused: ${url.hostname} is a loopback, private or link-local address`;
    if (host.kind === 'ip' || !this.options.resolveHost) return null;
    let addresses: string[];
    try {
      addresses = await this.options.resolveHost(url.hostname);
    } catch (error) {
      return `refused: ${url.hostname} did not resolve (${describeError(error)})`;
    }
    if (!addresses.length) return `refused: ${url.hostname} did not resolve`;
    const bad = addresses.find(isForbiddenAddress);
    return bad
      ? `refused: ${url.hostname} resolves to ${bad}, a loopback, private or link-local address`
      : null;
  }

  private async compose(delivery: Delivery, at: number) {
    let timestamp = Math.floor(at / 1000);
    let body = delivery.body;
    let signature: string;
    switch (delivery.mutate) {
      case 'stale-timestamp':
        timestamp -= STALE_BY_SECONDS;
        signature = await this.sign(delivery.webhookId, timestamp, body);
        break;
      case 'bad-signature':
        this.wrongSign ??= createSigner(generateWebhookSecret());
        signature = await this.wrongSign(delivery.webhookId, timestamp, body);
        break;
      case 'tampered-body':
        signature = await this.sign(delivery.webhookId, timestamp, body);
        body = tamper(body);
        break;
      default:
        signature = await this.sign(delivery.webhookId, timestamp, body);
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'videotask-mock',
      'webhook-id': delivery.webhookId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    };
    return { headers, body };
  }

  private log(delivery: Delivery, entry: DeliveryAttempt): void {
    const what = entry.status !== null ? `${entry.status}` : (entry.error ?? entry.outcome);
    this.options.logger?.(
      `callback ${delivery.taskId} attempt ${entry.attempt}${delivery.mutate ? ` (${delivery.mutate})` : ''} → ${entry.outcome} ${what}`,
    );
  }
}

/** The body a `tampered-body` redelivery sends (signed over the original): the video URL or error changed. */
export function tamper(body: string): string {
  const task = JSON.parse(body) as { results?: string[]; error?: { message: string }; progress?: number };
  if (task.results) task.results = ['https://attacker.example/video.mp4'];
  else if (task.error) task.error.message = 'tampered';
  else task.progress = 100;
  return JSON.stringify(task);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}
