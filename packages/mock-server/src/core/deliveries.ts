// The admin rules over callbacks already sent or to send again: redeliver an ended task's callback
// (altered as asked; 409 before it ends), the attempt log, and waiting until no attempt is in flight.
import {
  type DeliveryAttempt,
  REDELIVER_MUTATIONS,
  type RedeliverMutation,
} from '../domain/delivery-attempt.js';
import { RETENTION_MS, stateAt } from '../domain/lifecycle.js';
import type { StoredTask } from '../store/store.js';
import { callbackUrlCheck } from './callbacks.js';
import type { CoreContext } from './context.js';
import { ok, type Result, refuse } from './result.js';

export interface Redelivery {
  taskId: string;
  webhookId: string;
  mutate: RedeliverMutation;
  url: string;
  /** Settles once the first attempt is sent and answered (or the grace passed). */
  firstAttempt: Promise<void>;
}

/** Sends an ended task's callback again (to its callback_url, or `url`), altered as asked; 409 before it ends. */
export async function redeliver(
  core: CoreContext,
  id: string,
  mutate: RedeliverMutation = 'none',
  url?: string,
): Promise<Result<Redelivery>> {
  const task = await core.store.getTask(id, core.now());
  if (!task) return refuse('task_not_found', `No task ${id}.`, 'id');
  if (!REDELIVER_MUTATIONS.includes(mutate)) {
    return refuse('invalid_request', `mutate must be one of: ${REDELIVER_MUTATIONS.join(', ')}`, 'mutate');
  }
  const status = stateAt(task, core.now()).status;
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
  const check = callbackUrlCheck(core, target);
  if (!check.ok) return refuse('invalid_request', `url ${check.reason}`, 'url');
  const sent = await startRedelivery(core, task, mutate, target);
  return ok({ taskId: id, mutate, url: target, ...sent });
}

/** `duplicate` resends the task's first delivery (webhook-id and body); without one, a fresh delivery twice. */
async function startRedelivery(core: CoreContext, task: StoredTask, mutate: RedeliverMutation, url: string) {
  const body = JSON.stringify(core.render(task));
  const taskId = task.id;
  // Every redelivery is sent in the task's trace, each attempt a new span.
  const traceparent = task.traceparent ?? null;
  if (mutate !== 'duplicate') return core.deliveries.start({ taskId, url, body, mutate, traceparent });
  const first = (await core.store.listAttempts({ taskId })).find((r) => r.mutate === null);
  if (first && first.url === url) {
    return core.deliveries.start({
      taskId,
      url,
      body: first.request.body,
      webhookId: first.webhookId,
      mutate,
      traceparent,
    });
  }
  const one = core.deliveries.start({ taskId, url, body, mutate, traceparent });
  const two = core.deliveries.start({ taskId, url, body, mutate, traceparent, webhookId: one.webhookId });
  return {
    webhookId: one.webhookId,
    firstAttempt: Promise.all([one.firstAttempt, two.firstAttempt]).then(() => {}),
  };
}

/** Every callback attempt, oldest first (the log forgets attempts 24 h after they started). */
export async function listDeliveries(
  core: CoreContext,
  filter: { taskId?: string } = {},
): Promise<DeliveryAttempt[]> {
  await core.store.pruneAttempts(core.now() - RETENTION_MS);
  return core.store.listAttempts(filter);
}

/** Waits until no attempt is in flight, at most `timeoutMs` of real time. */
export async function waitIdle(
  core: CoreContext,
  timeoutMs: number,
): Promise<{ idle: boolean; inFlight: number }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = await Promise.race([
    core.deliveries.idle().then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  return { idle, inFlight: core.deliveries.inFlightCount };
}
