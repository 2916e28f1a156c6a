// The retry schedule: after a failed or timed-out attempt, retries 1 s, 2 s and 4 s later, then none.
import type { AttemptOutcome } from '../domain/delivery-attempt.js';

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

/** When attempt `attempt` (1-based) that ended `outcome` at `now` is retried; null when it is not. */
export function nextRetryAt(
  attempt: number,
  outcome: AttemptOutcome,
  now: number,
  delays: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
): number | null {
  const delay = delays[attempt - 1];
  const retryable = outcome === 'failed' || outcome === 'timeout';
  return retryable && delay !== undefined ? now + delay : null;
}
