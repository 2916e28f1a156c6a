// A task's own callback: a job in the store and one local timer per job; when due, the jobs are claimed
// under a lease and their attempts started by the delivery engine. Also the callback URL rules' entry.
import { checkCallbackUrl } from '../delivery/callback-url.js';
import type { AttemptRun } from '../delivery/engine.js';
import { type ChaosProfile, callbackDecision } from '../domain/chaos.js';
import type { CallbackJob, StoredTask } from '../store/store.js';
import { activeChaos } from './chaos.js';
import type { CoreContext } from './context.js';

/** How long a claimed callback job is leased before another replica may claim it (well past the 10 s attempt timeout). */
export const CALLBACK_LEASE_MS = 60_000;

/** Checks a callback URL against the mock's rules (https, public host, length). */
export function callbackUrlCheck(core: CoreContext, url: string) {
  return checkCallbackUrl(url, { allowLocal: core.options.allowLocalCallbacks });
}

/** Stores the job and sets a timer for it on this process's clock. */
export async function scheduleCallback(core: CoreContext, job: CallbackJob): Promise<void> {
  await core.store.scheduleCallback(job);
  armCallbackTimer(core, job);
}

/** A timer on this process's clock for a stored job. */
export function armCallbackTimer(core: CoreContext, job: CallbackJob): void {
  core.scheduler.schedule(job.at, () => runDueCallbacks(core));
}

/**
 * Runs every job due now; the promise (what a manual advance awaits) settles when their first attempts
 * have. A job is forgotten only once its attempt is recorded and any retry stored, so a replica that dies
 * before leaves it leased, and another replica sends it (same webhook-id) when the lease runs out.
 */
export async function runDueCallbacks(core: CoreContext): Promise<void> {
  const jobs = await core.store.claimDueCallbacks(core.now(), core.owner, CALLBACK_LEASE_MS);
  const attempts = jobs.map(async (job) => {
    const run = await startJob(core, job);
    if (run) await run.firstAttempt;
    else await core.store.finishCallback(job.id);
  });
  await Promise.all(attempts);
}

async function startJob(core: CoreContext, job: CallbackJob): Promise<AttemptRun | undefined> {
  if (job.retry) return core.deliveries.retry({ taskId: job.taskId, jobId: job.id, ...job.retry });
  const task = await core.store.getTask(job.taskId, core.now());
  // A cancelled task's callback went out with the cancel; a shared store may drop its job only after.
  if (!task?.callbackUrl || task.cancelled) return undefined;
  if (job.held) return startOwnCallback(core, task, job, 'late-callback');
  const chaos = await activeChaos(core);
  const decision = callbackDecision(chaos, task.id);
  const profile = chaos?.profile as ChaosProfile;
  switch (decision.kind) {
    case 'send':
      return startOwnCallback(core, task, job);
    case 'drop': {
      const own = await ownDelivery(core, task);
      await core.deliveries.drop({ taskId: task.id, ...own, webhookId: job.webhookId, chaos: profile });
      return undefined;
    }
    case 'hold':
      // Held past the end (the job is forgotten once this returns), then sent as it is.
      await scheduleCallback(core, {
        ...job,
        id: `late:${task.id}`,
        at: task.endAt + decision.lateMs,
        held: true,
      });
      core.options.logger?.(`callback ${task.id} held until ${decision.lateMs} ms past its end [${profile}]`);
      return undefined;
    case 'duplicate': {
      // The same webhook-id and body again, `afterMs` later: a job, so it goes on the server's clock.
      const { url, body, traceparent } = await ownDelivery(core, task);
      const run = core.deliveries.start({
        taskId: task.id,
        url,
        body,
        traceparent,
        webhookId: job.webhookId,
        jobId: job.id,
      });
      const retry = {
        webhookId: run.webhookId,
        url,
        body,
        mutate: 'duplicate' as const,
        attempt: 1,
        chaos: profile,
        ...(traceparent ? { traceparent } : {}),
      };
      await scheduleCallback(core, {
        id: `dup:${run.webhookId}`,
        at: core.now() + decision.afterMs,
        taskId: task.id,
        retry,
      });
      return run;
    }
  }
}

/** Where the task's own callback goes and what it says (after its credits settle: the store settles on read). */
async function ownDelivery(core: CoreContext, task: StoredTask) {
  await core.store.settleDue(core.now());
  const body = JSON.stringify(core.render(task));
  return { url: task.callbackUrl as string, body, traceparent: task.traceparent ?? null };
}

/** The task's own callback, sent when it ends. */
async function startOwnCallback(
  core: CoreContext,
  task: StoredTask,
  job?: CallbackJob,
  chaos?: ChaosProfile,
): Promise<AttemptRun & { webhookId: string }> {
  const own = await ownDelivery(core, task);
  const webhookId = job?.webhookId;
  return core.deliveries.start({
    taskId: task.id,
    ...own,
    webhookId,
    jobId: job?.id,
    ...(chaos ? { chaos } : {}),
  });
}

/** Sends the task's own callback now (a cancelled task's); settles once its first attempt has. */
export async function sendOwnCallback(core: CoreContext, task: StoredTask): Promise<void> {
  await (await startOwnCallback(core, task)).firstAttempt;
}
