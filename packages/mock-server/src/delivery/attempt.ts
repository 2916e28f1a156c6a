// One callback attempt as the log records it, and the alterations a redelivery can ask for.

export const REDELIVER_MUTATIONS = [
  'none',
  'duplicate',
  'stale-timestamp',
  'bad-signature',
  'tampered-body',
] as const;
export type RedeliverMutation = (typeof REDELIVER_MUTATIONS)[number];

export type AttemptOutcome = 'in_flight' | 'delivered' | 'failed' | 'timeout' | 'refused' | 'abandoned';

/** One callback attempt, as recorded (and listed by GET /__mock/deliveries). */
export interface DeliveryAttempt {
  /** The `webhook-id`: the same for every attempt of one delivery. */
  webhookId: string;
  taskId: string;
  url: string;
  /** 1 for the first attempt, 2–4 for the retries. */
  attempt: number;
  /** A redelivery's alteration; null for the task's own callback. */
  mutate: RedeliverMutation | null;
  /** False when the mock sends unsigned callbacks (no webhook-timestamp / webhook-signature headers). */
  signed: boolean;
  /** When the attempt started, ms since epoch by the server's clock. */
  at: number;
  /** When it ended, by the server's clock (null while in flight). */
  endedAt: number | null;
  /** Real (wall-clock) milliseconds the attempt took. */
  durationMs: number | null;
  outcome: AttemptOutcome;
  /** The receiver's HTTP status, when it answered. */
  status: number | null;
  /** Why the attempt failed, in words. */
  error: string | null;
  /** When the next retry is due (server clock), if one is. */
  nextRetryAt: number | null;
  request: { headers: Record<string, string>; body: string };
}
