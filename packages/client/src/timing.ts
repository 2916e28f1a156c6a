// Time as the client sees it. Everything that waits (retry backoff, polling) goes through a Clock so
// tests can drive it without sleeping on the wall clock; a call's deadline is one AbortSignal.
import { APITimeoutError } from './errors.js';

export interface Clock {
  /** Milliseconds since the epoch (default `Date.now`). */
  now: () => number;
  /** Resolves after `ms`, or rejects with `signal.reason` as soon as `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1) for jitter (default `Math.random`). */
  random: () => number;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = { now: () => Date.now(), sleep, random: () => Math.random() };

/** The signal one call hands to every attempt and wait, and `end()` to call once the call settles. */
export interface CallSignal {
  signal: AbortSignal;
  end: () => void;
}

/**
 * One AbortSignal for a whole call: it aborts with APITimeoutError `timeoutMs` after now, or with the
 * caller's reason when their `signal` aborts first. Aborting it cancels the HTTP exchange itself
 * (fetch closes the connection), so nothing runs on after the call has rejected.
 */
export function callSignal(timeoutMs: number, signal: AbortSignal | undefined): CallSignal {
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new APITimeoutError(`Request timed out after ${timeoutMs} ms.`)),
    timeoutMs,
  );
  return {
    signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal,
    end: () => clearTimeout(timer),
  };
}
