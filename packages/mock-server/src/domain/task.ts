// A stored task (its request facts and timeline) and its JSON as GET /v1/tasks/{id} answers it.
import { modelEntry, type Schemas } from '@videotask/spec';
import type { RequestFacts } from './create-body.js';
import { RETENTION_MS, stateAt, type Timeline } from './lifecycle.js';
import { toCredits } from './prices.js';
import type { Outcome } from './scenarios.js';
import { failureMessage } from './scenarios.js';

/** A task's facts: what it keeps of its request (create-body.ts), and who asked and how. */
export interface TaskFacts extends Omit<RequestFacts, 'pace'> {
  id: string;
  apiKey: string;
  callbackUrl: string | null;
  failureCode: string | null;
  scenario: string | null;
  idempotencyKey: string | null;
  fingerprint: string | null;
  /** The W3C `traceparent` its callbacks are sent in: the create's own, or a trace the mock started. */
  traceparent?: string | null;
}

/** One task. A class with every field set up front keeps 100,000 of them small and monomorphic. */
export class TaskRecord implements Timeline {
  readonly id: string;
  readonly apiKey: string;
  readonly model: string;
  readonly duration: number;
  readonly aspectRatio: string;
  readonly removeWatermark: boolean;
  readonly image: boolean;
  readonly priceUc: number;
  readonly callbackUrl: string | null;
  failureCode: string | null;
  readonly scenario: string | null;
  readonly idempotencyKey: string | null;
  readonly fingerprint: string | null;
  readonly traceparent: string | null;
  readonly createdAt: number;
  readonly processingAt: number;
  readonly processingMs: number;
  endAt: number;
  outcome: Outcome;
  readonly freezeAt: number;
  readonly seed: number;
  /** Credits consumed (completed) or returned (failed). */
  settled = false;
  /** Billing queue bookkeeping: when the credits settle, position in the queue. */
  settleAt = Number.POSITIVE_INFINITY;
  settleIndex = -1;
  /** Position in the task store's expiry queue (-1: not in it). */
  expiryIndex = -1;
  cancelled = false;
  /** Gone from the store (expired, evicted, reset). */
  removed = false;

  constructor(facts: TaskFacts, timeline: Timeline) {
    this.id = facts.id;
    this.apiKey = facts.apiKey;
    this.model = facts.model;
    this.duration = facts.duration;
    this.aspectRatio = facts.aspectRatio;
    this.removeWatermark = facts.removeWatermark;
    this.image = facts.image;
    this.priceUc = facts.priceUc;
    this.callbackUrl = facts.callbackUrl;
    this.failureCode = facts.failureCode;
    this.scenario = facts.scenario;
    this.idempotencyKey = facts.idempotencyKey;
    this.fingerprint = facts.fingerprint;
    this.traceparent = facts.traceparent ?? null;
    this.createdAt = timeline.createdAt;
    this.processingAt = timeline.processingAt;
    this.processingMs = timeline.processingMs;
    this.endAt = timeline.endAt;
    this.outcome = timeline.outcome;
    this.freezeAt = timeline.freezeAt;
    this.seed = timeline.seed;
  }

  /** When the task and its video are forgotten: 24 h after it ends. */
  get expiresAt(): number {
    return this.endAt + RETENTION_MS;
  }
}

/** A task as the API returns it: the spec's `VideoTask` (generated). */
export type VideoTaskJson = Schemas['VideoTask'];
type TaskFailureCode = Schemas['TaskFailureCode'];

/** What rendering reads of a task. */
export type RenderedTask = Timeline &
  Pick<TaskFacts, 'id' | 'model' | 'duration' | 'priceUc' | 'failureCode'>;

type BillingRule = NonNullable<Schemas['TaskUsage']['billing_rule']>;

/** A model's billing rule, from its profile (per_call, per_second). */
const billingRule = (model: string): BillingRule =>
  modelEntry(model)?.profile.price.billing_rule ?? 'per_call';

/** A task's usage block (module level: a closure made per render costs a little on every read). */
function usage(model: string, reserved: number) {
  return { billing_rule: billingRule(model), credits_reserved: reserved, user_group: 'default' } as const;
}

function endedUsage(model: string, reserved: number, used: number) {
  return {
    billing_rule: billingRule(model),
    credits_reserved: reserved,
    credits_used: used,
    user_group: 'default',
  } as const;
}

/** Seconds from creation to the end, to the millisecond. */
const tookSeconds = (task: RenderedTask) => Math.round(task.endAt - task.createdAt) / 1000;

/** The charge while it runs: reserved, nothing charged or refunded yet. */
function reservedBilling(price: number) {
  return {
    charge_status: 'reserved',
    refund_status: 'not_required',
    reserved_credits: price,
    charged_credits: 0,
    refunded_credits: 0,
  } as const;
}

/**
 * The task at instant `now`; `publicUrl` is the base of result URLs. Each state's object is built
 * in one literal (a fixed shape per state keeps JSON.stringify on its fast path).
 */
export function renderTask(task: RenderedTask, now: number, publicUrl: string): VideoTaskJson {
  const { status, progress } = stateAt(task, now);
  const created = Math.floor(task.createdAt / 1000);
  switch (status) {
    case 'pending':
      return pendingJson(task, created, progress, now);
    case 'processing':
      return processingJson(task, created, progress);
    case 'completed':
      return completedJson(task, created, progress, publicUrl);
    default:
      return failedJson(task, created, progress);
  }
}

function pendingJson(task: RenderedTask, created: number, progress: number, now: number): VideoTaskJson {
  return {
    created,
    id: task.id,
    model: task.model,
    object: 'video.generation.task',
    progress,
    status: 'pending',
    task_info: {
      can_cancel: true,
      estimated_time: Math.max(0, Math.ceil((task.processingAt + task.processingMs - now) / 1000)),
      video_duration: task.duration,
    },
    type: 'video',
    usage: usage(task.model, toCredits(task.priceUc)),
    billing: reservedBilling(toCredits(task.priceUc)),
  };
}

function processingJson(task: RenderedTask, created: number, progress: number): VideoTaskJson {
  return {
    created,
    id: task.id,
    model: task.model,
    object: 'video.generation.task',
    progress,
    status: 'processing',
    task_info: { can_cancel: true },
    type: 'video',
    usage: usage(task.model, toCredits(task.priceUc)),
    billing: reservedBilling(toCredits(task.priceUc)),
  };
}

function completedJson(
  task: RenderedTask,
  created: number,
  progress: number,
  publicUrl: string,
): VideoTaskJson {
  const url = resultUrl(publicUrl, task.id);
  const price = toCredits(task.priceUc);
  return {
    created,
    id: task.id,
    model: task.model,
    object: 'video.generation.task',
    progress,
    results: [url],
    result_data: [{ video_url: url }],
    status: 'completed',
    task_info: { can_cancel: false },
    type: 'video',
    usage: endedUsage(task.model, price, price),
    billing: {
      charge_status: 'charged',
      refund_status: 'not_required',
      reserved_credits: price,
      charged_credits: price,
      refunded_credits: 0,
    },
    duration: tookSeconds(task),
  };
}

function failedJson(task: RenderedTask, created: number, progress: number): VideoTaskJson {
  const code = task.failureCode ?? 'unknown_error';
  return {
    created,
    id: task.id,
    model: task.model,
    object: 'video.generation.task',
    progress,
    status: 'failed',
    error: { code: code as TaskFailureCode, message: failureMessage(code), type: 'task_error' },
    task_info: { can_cancel: false },
    type: 'video',
    usage: endedUsage(task.model, 0, 0),
    // The whole reservation comes back; a free (seeded) task had nothing to refund.
    billing: {
      charge_status: 'released',
      refund_status: task.priceUc > 0 ? 'completed' : 'not_required',
      reserved_credits: toCredits(task.priceUc),
      charged_credits: 0,
      refunded_credits: toCredits(task.priceUc),
      ...(task.priceUc > 0 ? { refunded_at: Math.floor(task.endAt / 1000) } : {}),
    },
    duration: tookSeconds(task),
  };
}

export function resultUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/files/${id}.mp4`;
}
