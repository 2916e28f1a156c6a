// Transport layers under openapi-fetch: a fetch wrapper that bounds each attempt with `timeoutMs`,
// and a middleware that retries 429/502/503/504 answers and network errors with exponential backoff
// and full jitter, honouring Retry-After. Nothing is cloned or allocated on the success path except
// what the timeout needs; a request body is kept for a retry only when that request may be retried.
import type { Middleware } from 'openapi-fetch';
import { APIConnectionError, APITimeoutError, parseRetryAfter } from './errors.js';
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

const TIMED_OUT = Symbol('videotask.timeout');

export interface RetryLayer {
  /** Wraps the fetch that openapi-fetch (and each retry) calls. */
  fetch: FetchLike;
  middleware: Middleware;
}

export function createRetryLayer(
  baseFetch: FetchLike,
  options: { timeoutMs: number; policy: RetryPolicy; clock: Clock },
): RetryLayer {
  const { timeoutMs, policy, clock } = options;
  // Pristine copies of request bodies, taken just before the first attempt consumes them.
  const bodies = new WeakMap<Request, Request>();
  // Answers produced by the retry loop itself: never retried again by onResponse.
  const settled = new WeakSet<Response>();
  // Requests the retry loop sends: their bodies come from a kept copy already.
  const retries = new WeakSet<Request>();
  const keepBodies = policy.maxRetries > 0;

  const timed: FetchLike =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? async (request) => {
          const controller = new AbortController();
          const outer = request.signal;
          const onAbort = () => controller.abort(outer.reason);
          if (outer.aborted) onAbort();
          else outer.addEventListener('abort', onAbort, { once: true });
          const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
          try {
            return await baseFetch(request, { signal: controller.signal });
          } catch (error) {
            if (controller.signal.reason === TIMED_OUT && !outer.aborted) {
              throw new APITimeoutError(`Request timed out after ${timeoutMs} ms.`, { cause: error });
            }
            throw error;
          } finally {
            clearTimeout(timer);
            outer.removeEventListener('abort', onAbort);
          }
        }
      : (request) => baseFetch(request);

  const fetch: FetchLike = async (request) => {
    // Like fetch itself: an already aborted request is never sent.
    request.signal.throwIfAborted();
    if (keepBodies && request.body !== null && !retries.has(request) && isRetryableRequest(request)) {
      bodies.set(request, request.clone());
    }
    return timed(request);
  };

  const toConnectionError = (error: unknown): APIConnectionError =>
    error instanceof APIConnectionError
      ? error
      : new APIConnectionError(
          `Connection error: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );

  type Outcome =
    | { response: Response; error?: undefined }
    | { response?: undefined; error: APIConnectionError };

  /** Retries `request` after `first` failed; returns the last answer or the last connection error. */
  async function retry(request: Request, send: FetchLike, first: Outcome): Promise<Response | Error> {
    const template = request.body === null ? undefined : bodies.get(request);
    if (request.body !== null && !template) return first.response ?? first.error;
    let last = first;
    for (let retry = 0; retry < policy.maxRetries; retry++) {
      let delay = backoffDelay(retry, policy, clock.random);
      if (last.response) {
        const retryAfter = parseRetryAfter(last.response.headers.get('retry-after'), clock.now());
        if (retryAfter !== undefined) {
          if (retryAfter > policy.maxRetryAfterMs) break;
          delay = retryAfter;
        }
        await last.response.body?.cancel().catch(() => {});
      }
      await clock.sleep(delay, request.signal);
      request.signal.throwIfAborted();
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
        if (request.signal.aborted) throw error;
        last = { error: toConnectionError(error) };
      }
    }
    if (last.response) settled.add(last.response);
    return last.response ?? last.error;
  }

  const middleware: Middleware = {
    async onResponse({ request, response, options }) {
      if (!RETRYABLE_STATUSES.has(response.status) || settled.has(response)) return undefined;
      if (policy.maxRetries <= 0 || !isRetryableRequest(request)) return undefined;
      const result = await retry(request, options.fetch, { response });
      if (result instanceof Response) return result;
      throw result;
    },
    async onError({ request, error, options }) {
      // The caller aborted: hand their reason back untouched.
      if (request.signal.aborted) return undefined;
      const connectionError = toConnectionError(error);
      if (policy.maxRetries <= 0 || !isRetryableRequest(request)) return connectionError;
      return retry(request, options.fetch, { error: connectionError });
    },
  };

  return { fetch, middleware };
}
