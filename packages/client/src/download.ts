// Downloading a task's video: the streaming Response of its result URL through the client's retries
// and deadline, or ResultExpiredError when the URL has expired or the task has no such result.
import { errorFromResponse, ResultExpiredError } from './errors.js';
import type { RetryingFetch } from './retry.js';
import { type Clock, callSignal } from './timing.js';
import type { TaskState } from './types.js';

export interface DownloadResultOptions {
  /** Which of `task.results` to download. Default 0. */
  index?: number;
  /** Aborts the download: the request, and reading the body after the Response has arrived. */
  signal?: AbortSignal;
}

/** Answers from a file host that mean the signed URL is gone (expired or removed). */
const GONE: ReadonlySet<number> = new Set([403, 404, 410]);

// When this process first saw each task object completed: the API reports no completion time, so
// this is what ResultExpiredError can say about when a task completed.
const completedSeen = new WeakMap<object, number>();

/** Notes `task` as seen completed at `now` (by the client's clock) if it is. */
export function noteCompleted(task: { status: string }, now: number): void {
  if (task.status === 'completed' && !completedSeen.has(task)) completedSeen.set(task, now);
}

function expired(task: TaskState, index: number, now: number, answer?: Response): ResultExpiredError {
  return new ResultExpiredError(task, { index, now, completedAt: completedSeen.get(task), answer });
}

/**
 * GET `task.results[index]` without the API key (a result URL is a signed link on a file host).
 * `timeoutMs` bounds the wait for the answer's headers; the body then streams for as long as it takes.
 */
export async function downloadResult(
  send: RetryingFetch,
  task: TaskState,
  options: DownloadResultOptions & { timeoutMs: number; clock: Clock; headers: Record<string, string> },
): Promise<Response> {
  const { index = 0, timeoutMs, clock } = options;
  const url = task.status === 'completed' ? task.results[index] : undefined;
  if (url === undefined) throw expired(task, index, clock.now());
  const limited = timeoutMs > 0 && Number.isFinite(timeoutMs);
  const budget = limited ? callSignal(timeoutMs, options.signal) : undefined;
  const request = new Request(url, { headers: options.headers, signal: budget?.signal ?? options.signal });
  let response: Response;
  try {
    response = await send(request, limited ? clock.now() + timeoutMs : Number.POSITIVE_INFINITY);
  } finally {
    budget?.end();
  }
  if (response.ok) return response;
  if (GONE.has(response.status)) {
    await response.body?.cancel().catch(() => {});
    throw expired(task, index, clock.now(), response);
  }
  throw errorFromResponse(response, await response.text().catch(() => ''), clock.now());
}
