// The public API's task rules: create (model gate, callback URL, idempotency replay or conflict, the
// credit check), a seeded task's free insert, and reading one task of the caller's.
import type { CreateBody } from '../domain/create-body.js';
import { insufficientQuotaMessage } from '../domain/errors.js';
import { stateAt } from '../domain/lifecycle.js';
import { toCredits } from '../domain/prices.js';
import type { Scenario } from '../domain/scenarios.js';
import type { VideoTaskJson } from '../domain/task.js';
import { traceparentFor } from '../domain/trace-context.js';
import { ownJobId } from '../store/memory.js';
import type { InsertOutcome, StoredTask } from '../store/store.js';
import { armCallbackTimer, callbackUrlCheck } from './callbacks.js';
import { DEGRADED_SLOWDOWN, modelGate } from './catalog.js';
import { activeChaos } from './chaos.js';
import type { CoreContext } from './context.js';
import { planTask } from './create.js';
import { ok, type Result, refuse } from './result.js';

export interface CreateInput {
  apiKey: string;
  /** Validated against the spec, defaults filled in. */
  body: CreateBody;
  scenario: Scenario | null;
  idempotencyKey: string | null;
  /** Canonical JSON of the body (compared on a replay); null without an Idempotency-Key. */
  fingerprint: string | null;
  /** The create's `traceparent` header as sent (an invalid one is ignored: the mock starts a trace). */
  traceparent?: string | null;
}

/** Creates a task: replay or conflict on a used Idempotency-Key, 402 on too few credits, else a new task. */
export async function createTask(
  core: CoreContext,
  input: CreateInput,
): Promise<Result<{ task: VideoTaskJson; replayed: boolean }>> {
  const { callback_url, model } = input.body;
  const overrides = await core.store.modelStates();
  const refused = modelGate(core.options, overrides, model);
  if (refused) return refused;
  if (callback_url !== undefined) {
    const check = callbackUrlCheck(core, callback_url);
    if (!check.ok) return refuse('invalid_request', `callback_url ${check.reason}`, 'callback_url');
  }
  // A degraded model is served, slowly.
  const slowdown = overrides[model] === 'degraded' ? DEGRADED_SLOWDOWN : 1;
  const chaos = await activeChaos(core);
  // Drawn once per create (not per id retry), from its own stream: the task ids and outcomes stay as they were.
  const request = { ...input, traceparent: traceparentFor(input.traceparent, core.traces) };
  for (;;) {
    const now = core.now();
    const { failureRate } = core.options;
    const speed = core.options.speed / slowdown;
    const planned = planTask(request, { now, speed, failureRate, chaos }, core.random);
    const outcome = await insertWithJob(core, planned, () => core.store.insertTask(planned, now));
    switch (outcome.kind) {
      case 'id_taken':
        continue;
      case 'conflict':
        return refuse('idempotency_conflict', 'This Idempotency-Key was used with a different request body.');
      case 'insufficient': {
        const need = toCredits(planned.priceUc);
        const left = toCredits(Math.max(0, outcome.remaining));
        return refuse('insufficient_quota', insufficientQuotaMessage(need, left));
      }
      case 'replayed':
        return ok({ task: core.render(outcome.task), replayed: true });
      case 'created':
        core.options.observer?.taskCreated?.(planned.model, toCredits(planned.priceUc));
        // The answer is the task as created (pending), however long the store took on a fast clock.
        return ok({ task: core.render(outcome.task, now), replayed: false });
    }
  }
}

/** A seeded demo task, back-dated to `createdAt`: free (no credits), otherwise a task like any other. */
export async function insertSeeded(
  core: CoreContext,
  input: { apiKey: string; body: CreateBody; scenario: Scenario; createdAt: number },
): Promise<StoredTask> {
  const { speed, failureRate } = core.options;
  for (;;) {
    const traceparent = traceparentFor(null, core.traces);
    const request = { ...input, idempotencyKey: null, fingerprint: null, traceparent };
    const at = { now: input.createdAt, speed, failureRate };
    const planned = planTask(request, at, core.random);
    const outcome = await insertWithJob(core, planned, () =>
      core.store.insertTask(planned, core.now(), { free: true }),
    );
    if (outcome.kind === 'id_taken') continue;
    if (outcome.kind !== 'created') throw new Error(`A seeded task was not stored (${outcome.kind})`);
    return outcome.task;
  }
}

/**
 * Inserts a planned task; one with a callback_url and an end gets its callback job stored first, so
 * a store that fails between the two (a Redis Cluster failing over) never keeps a task without its
 * callback: a job whose task was not created is dropped (and would find no task when due).
 */
async function insertWithJob(
  core: CoreContext,
  planned: StoredTask,
  insert: () => Promise<InsertOutcome>,
): Promise<InsertOutcome> {
  // The webhook-id is fixed now: whichever replica sends the callback (or takes it over) sends this one.
  const job =
    planned.callbackUrl && Number.isFinite(planned.endAt)
      ? {
          id: ownJobId(planned.id),
          at: planned.endAt,
          taskId: planned.id,
          webhookId: core.deliveries.newWebhookId(),
        }
      : undefined;
  const stored = job ? await core.store.scheduleCallback(job) : false;
  const outcome = await insert();
  if (outcome.kind === 'created') {
    const failure = outcome.task.failureCode ? ` ${outcome.task.failureCode}` : '';
    core.options.logger?.(`task ${outcome.task.id} created (${outcome.task.outcome}${failure})`);
    if (job) armCallbackTimer(core, job);
  } else if (job && stored) {
    await core.store.finishCallback(job.id).catch(() => {});
  }
  return outcome;
}

/** The key's task (another key's task reads as unknown); without a promise when the store answers without one. */
export function readTask(
  core: CoreContext,
  apiKey: string,
  id: string,
): Result<VideoTaskJson> | Promise<Result<VideoTaskJson>> {
  const found = core.store.getTask(id, core.now(), apiKey);
  return found instanceof Promise
    ? found.then((task) => visibleTask(core, apiKey, id, task))
    : visibleTask(core, apiKey, id, found);
}

function visibleTask(
  core: CoreContext,
  apiKey: string,
  id: string,
  task: StoredTask | undefined,
): Result<VideoTaskJson> {
  if (!task || task.apiKey !== apiKey)
    return refuse('task_not_found', `No task ${id} for this API key.`, 'task_id');
  return ok(core.render(task));
}

/** A completed task's record, for its video file; undefined when unknown, unfinished, failed or expired. */
export async function completedTask(core: CoreContext, id: string): Promise<StoredTask | undefined> {
  const now = core.now();
  const task = await core.store.getTask(id, now);
  return task && stateAt(task, now).status === 'completed' ? task : undefined;
}
