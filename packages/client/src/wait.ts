// Polling a task until it ends: growing intervals with jitter, an overall deadline, an AbortSignal,
// progress reports, and a clear error for a state this client does not know.
import {
  TaskCancelledError,
  TaskFailedError,
  TaskWaitTimeoutError,
  UnexpectedResponseError,
} from './errors.js';
import type { Clock } from './timing.js';
import type { CompletedTask, TaskState } from './types.js';

export interface WaitForTaskOptions {
  /** Delay before the second poll; later delays grow 1.5× up to `maxPollIntervalMs`. Default 2000. */
  pollIntervalMs?: number;
  /** The longest delay between two polls. Default 30000. */
  maxPollIntervalMs?: number;
  /** Give up (TaskWaitTimeoutError) after this long. Default 900000 (15 minutes). */
  timeoutMs?: number;
  /** Stop waiting (rejects with the signal's reason) as soon as it aborts. */
  signal?: AbortSignal;
  /** Called with the task after each poll, e.g. to report `task.progress`. */
  onProgress?: (task: TaskState) => void | Promise<void>;
}

export const WAIT_DEFAULTS = {
  pollIntervalMs: 2_000,
  maxPollIntervalMs: 30_000,
  timeoutMs: 15 * 60_000,
  /** Each interval is multiplied by this after a poll. */
  growth: 1.5,
  /** Each delay is drawn uniformly from ±this fraction around the interval. */
  jitter: 0.25,
} as const;

/** The delay before poll number `poll + 1` (poll ≥ 0), jittered. */
export function pollDelay(poll: number, options: WaitForTaskOptions, random: () => number): number {
  const first = options.pollIntervalMs ?? WAIT_DEFAULTS.pollIntervalMs;
  const cap = Math.max(first, options.maxPollIntervalMs ?? WAIT_DEFAULTS.maxPollIntervalMs);
  const interval = Math.min(cap, first * WAIT_DEFAULTS.growth ** poll);
  return Math.round(interval * (1 - WAIT_DEFAULTS.jitter + 2 * WAIT_DEFAULTS.jitter * random()));
}

/**
 * Polls with `read` until the task completes (returned), fails (TaskFailedError) or is cancelled
 * (TaskCancelledError). When `known` is given (a task just created), the first read waits one
 * interval instead of asking at once.
 */
export async function pollUntilFinished(
  read: (id: string, signal: AbortSignal | undefined) => Promise<TaskState>,
  id: string,
  options: WaitForTaskOptions,
  clock: Clock,
  known?: TaskState,
): Promise<CompletedTask> {
  const { signal, onProgress } = options;
  const timeoutMs = options.timeoutMs ?? WAIT_DEFAULTS.timeoutMs;
  const deadline = clock.now() + timeoutMs;
  let task = known;
  for (let poll = 0; ; poll++) {
    signal?.throwIfAborted();
    if (task === undefined) {
      task = await read(id, signal);
      await onProgress?.(task);
    }
    switch (task.status) {
      case 'completed':
        return task;
      case 'failed':
        throw new TaskFailedError(task);
      // Not in the spec; the live API sends it (see CancelledTask).
      case 'cancelled':
        throw new TaskCancelledError(task);
      case 'pending':
      case 'processing':
        break;
      default: {
        // A status the spec (and so this client) does not know: stop rather than poll forever.
        const unknown: never = task;
        const status = (unknown as { status?: unknown }).status;
        throw new UnexpectedResponseError(
          `Task ${id} has status ${JSON.stringify(status)}, which this client does not know ` +
            '(expected pending, processing, completed, failed or cancelled); upgrade @videotask/client.',
          { body: unknown },
        );
      }
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw new TaskWaitTimeoutError(id, timeoutMs, task);
    await clock.sleep(Math.min(remaining, pollDelay(poll, options, clock.random)), signal);
    task = undefined;
  }
}
