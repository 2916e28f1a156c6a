// Retries under openapi-fetch: a middleware that retries 429/502/503/504 answers and network errors
// with exponential backoff and full jitter, honouring Retry-After, plus the fetch wrapper that keeps
// a copy of a request body when (and only when) that request may be retried. A read that succeeds
// costs a few checks and one set lookup: no clone, no timer, no promise beyond openapi-fetch's own.
import type { Middleware } from 'openapi-fetch';
import { APIConnectionError, parseRetryAfter } from './errors.js';
import type { Clock } from './timing.js';

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

export interface RetryLayer {
  /** Wraps the fetch that openapi-fetch (and each retry) calls. */
  fetch: FetchLike;
  middleware: Middleware;
}

function connectionError(error: unknown): APIConnectionError {
  return error instanceof APIConnectionError
    ? error
    : new APIConnectionError(`Connection error: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
}

/** The error for a request the caller aborted: their reason, as fetch itself does. */
function abortError(signal: AbortSignal): unknown {
  return signal.reason;
}

export function createRetryLayer(
  baseFetch: FetchLike,
  options: {
    policy: RetryPolicy;
    clock: Clock;
    /** The call's time budget: no retry wait is started that would end past it. */
    timeoutMs: number;
  },
): RetryLayer {
  const { policy, clock, timeoutMs } = options;
  const budgeted = timeoutMs > 0 && Number.isFinite(timeoutMs);
  // When a write's first attempt started (by the clock), so that no retry of it starts after the
  // caller's deadline (a late create would make a task the caller never hears of). A symbol property
  // on the Request: cheaper than a WeakMap entry. Reads are not stamped (the hot path): their budget
  // is counted from their first failed answer, which is at worst one attempt's latency generous.
  const STARTED = Symbol('videotask.started');
  type Stamped = Request & { [STARTED]?: number };
  // Pristine copies of request bodies, taken just before the first attempt consumes them.
  const bodies = new WeakMap<Request, Request>();
  // Requests the retry loop sends: their bodies come from a kept copy already.
  const retries = new WeakSet<Request>();
  // Answers produced by the retry loop itself: never retried again by onResponse.
  const settled = new WeakSet<Response>();
  const keepBodies = policy.maxRetries > 0;

  const fetch: FetchLike = (request) => {
    // Like fetch itself: an aborted request is never sent (custom fetches may not check).
    if (request.signal.aborted) return Promise.reject(abortError(request.signal));
    // Reads (no body) pass straight through: nothing to stamp or keep.
    if (request.body !== null && !retries.has(request)) {
      if (budgeted && (request as Stamped)[STARTED] === undefined)
        (request as Stamped)[STARTED] = clock.now();
      if (keepBodies && isRetryableRequest(request)) bodies.set(request, request.clone());
    }
    return baseFetch(request);
  };

  type Outcome =
    | { response: Response; error?: undefined }
    | { response?: undefined; error: APIConnectionError };

  /** Retries `request` after `first` failed; returns the last answer or the last connection error. */
  async function retry(request: Request, send: FetchLike, first: Outcome): Promise<Response | Error> {
    const template = request.body === null ? undefined : bodies.get(request);
    if (request.body !== null && !template) return first.response ?? first.error;
    const signal = request.signal;
    const deadline = budgeted
      ? ((request as Stamped)[STARTED] ?? clock.now()) + timeoutMs
      : Number.POSITIVE_INFINITY;
    let last = first;
    for (let retry = 0; retry < policy.maxRetries; retry++) {
      let delay = backoffDelay(retry, policy, clock.random);
      if (last.response) {
        const retryAfter = parseRetryAfter(last.response.headers.get('retry-after'), clock.now());
        if (retryAfter !== undefined) {
          if (retryAfter > policy.maxRetryAfterMs) break;
          delay = retryAfter;
        }
      }
      // The caller's timeout would end this wait: hand them the last answer now instead.
      if (clock.now() + delay >= deadline) break;
      // Not awaited: a cancel can stay pending forever (a tee'd body whose other branch nobody reads,
      // as msw/node's interceptor makes for every mocked response), and the retry must not hang on it.
      void last.response?.body?.cancel().catch(() => {});
      await clock.sleep(delay, signal);
      if (signal.aborted) throw abortError(signal);
      // A request without a body can be sent again as is; one with a body is sent from its copy.
      const attempt = template ? (retry < policy.maxRetries - 1 ? template.clone() : template) : request;
      if (template) retries.add(attempt);
      try {
        const response = await send(attempt);
        if (!RETRYABLE_STATUSES.has(response.status)) {
          settled.add(response);
          return response;
        }
        last = { response };
      } catch (error) {
        if (signal.aborted) throw abortError(signal);
        last = { error: connectionError(error) };
      }
    }
    if (last.response) settled.add(last.response);
    return last.response ?? last.error;
  }

  async function retryResponse(request: Request, send: FetchLike, response: Response): Promise<Response> {
    const result = await retry(request, send, { response });
    if (result instanceof Response) return result;
    throw result;
  }

  const middleware: Middleware = {
    // Not async: the common answer (not retryable) returns without a promise of its own.
    onResponse({ request, response, options }) {
      if (!RETRYABLE_STATUSES.has(response.status) || settled.has(response)) return undefined;
      if (policy.maxRetries <= 0 || !isRetryableRequest(request)) return undefined;
      return retryResponse(request, options.fetch, response);
    },
    onError({ request, error, options }) {
      // Aborted by the caller: their reason goes up untouched.
      if (request.signal.aborted) return undefined;
      const failure = connectionError(error);
      if (policy.maxRetries <= 0 || !isRetryableRequest(request)) return failure;
      return retry(request, options.fetch, { error: failure });
    },
  };

  return { fetch, middleware };
}
