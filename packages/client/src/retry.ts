// Retries: the fetch every call goes through. It retries 429/502/503/504 answers and connection
// errors with exponential backoff and full jitter, honouring Retry-After, and starts no wait that
// would end past the call's deadline. A request body is copied only when that request may be retried.
import { APIConnectionError, parseRetryAfter } from './errors.js';
import { abortReason, type Clock } from './timing.js';

export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Retries after the first attempt (0 disables retrying). */
  maxRetries: number;
  /** Backoff cap before jitter for the first retry; doubles each retry. */
  initialDelayMs: number;
  /** Upper bound of one backoff delay. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error reaches the caller with `retryAfterMs`. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Statuses worth another attempt. Never 400/401/402/403/404/413/422: those answers would not change. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether sending `request` twice is harmless: reads always are; a write only with an
 * Idempotency-Key, which makes the server answer a replay with the original result.
 */
export function isRetryableRequest(request: Request): boolean {
  return SAFE_METHODS.has(request.method) || request.headers.has('idempotency-key');
}

/** Full jitter: a uniform delay in [0, min(maxDelayMs, initialDelayMs · 2^retry)). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retry));
}

function connectionError(error: unknown): APIConnectionError {
  return error instanceof APIConnectionError
    ? error
    : new APIConnectionError(`Connection error: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
}

/**
 * Sends `request` (its `signal` is the call's: deadline and caller's abort), retrying where allowed,
 * and resolves with the last answer or rejects with the last connection error. `deadline` (by the
 * clock) is when the call's budget ends: a retry wait that would end past it is not started.
 */
export type RetryingFetch = (request: Request, deadline: number) => Promise<Response>;

export function createRetryingFetch(
  baseFetch: FetchLike,
  options: { policy: RetryPolicy; clock: Clock },
): RetryingFetch {
  const { policy, clock } = options;

  /** The wait before retry number `retry` after `last`, or undefined when not worth waiting for. */
  function delayAfter(last: Response | APIConnectionError, retry: number): number | undefined {
    if (last instanceof Response) {
      const retryAfter = parseRetryAfter(last.headers.get('retry-after'), clock.now());
      if (retryAfter !== undefined) return retryAfter > policy.maxRetryAfterMs ? undefined : retryAfter;
    }
    return backoffDelay(retry, policy, clock.random);
  }

  return async (request, deadline) => {
    const signal = request.signal;
    const retryable = policy.maxRetries > 0 && isRetryableRequest(request);
    // A pristine copy of the body, taken before the first attempt consumes it.
    const template = retryable && request.body !== null ? request.clone() : undefined;
    let attempt = request;
    for (let retry = 0; ; retry++) {
      // Like fetch itself: an aborted request is never sent (custom fetches may not check).
      if (signal.aborted) throw abortReason(signal);
      let last: Response | APIConnectionError;
      try {
        last = await baseFetch(attempt);
        if (!RETRYABLE_STATUSES.has(last.status)) return last;
      } catch (error) {
        if (signal.aborted) throw abortReason(signal);
        last = connectionError(error);
      }
      const delay = retryable && retry < policy.maxRetries ? delayAfter(last, retry) : undefined;
      // Not retried, or the caller's deadline would end the wait: hand them the last outcome now.
      if (delay === undefined || clock.now() + delay >= deadline) {
        if (last instanceof Response) return last;
        throw last;
      }
      // Not awaited: a cancel can stay pending forever (a tee'd body whose other branch nobody reads,
      // as msw/node's interceptor makes for every mocked response), and the retry must not hang on it.
      if (last instanceof Response) void last.body?.cancel().catch(() => {});
      await clock.sleep(delay, signal);
      // A request without a body can be sent again as is; one with a body from its copy.
      // The last retry sends the copy itself: no spare copy is made that nobody reads.
      attempt = template ? (retry < policy.maxRetries - 1 ? template.clone() : template) : request;
    }
  };
}
