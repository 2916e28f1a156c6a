// What the mock tells an observer (the Node side's --metrics, or a test's own): one event at the one place
// each thing happens. Without an observer (the default) nothing is called and nothing is counted.
import type { AttemptOutcome } from './delivery-attempt.js';

export interface MockObserver {
  /** An HTTP request was answered: the Hono route pattern it matched (bounded), its method, status and real ms. */
  request?(route: string, method: string, status: number, ms: number): void;
  /** A task was created (an idempotent replay is not), reserving its price in credits. */
  taskCreated?(model: string, reservedCredits: number): void;
  /** A callback attempt ended (a dropped one included), its number 1 for a delivery's first. */
  delivery?(outcome: AttemptOutcome, attempt: number): void;
}
