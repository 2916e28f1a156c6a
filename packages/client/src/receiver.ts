// An idempotent callback receiver: checks each delivery (its signature, or its body when unsigned) and
// hands each event to the handler once, however often it arrives. Senders deliver at least once: a
// retry or a redelivery carries the same `webhook-id`, so that id is the key of "seen before".
import {
  type EndedTask,
  type HeadersLike,
  header,
  parseCallback,
  type RawBody,
  type VerifyCallbackOptions,
  verifyCallback,
} from './callbacks.js';

/** Where a receiver remembers the webhook-ids it has handled (a database table or Redis in production). */
export interface SeenWebhookIds {
  /** Records `id`; false when it was recorded already (the delivery is a duplicate). Must be atomic. */
  add(id: string): boolean | Promise<boolean>;
  /** Forgets `id`: its handling failed, so the sender's next try is handled. */
  delete(id: string): void | Promise<void>;
}

/** The last `max` ids in this process's memory (default 10,000): enough for one process and for tests. */
export function memorySeenWebhookIds(max = 10_000): SeenWebhookIds {
  const ids = new Set<string>();
  return {
    add(id) {
      if (ids.has(id)) return false;
      ids.add(id);
      // A Set iterates in insertion order: the first is the oldest.
      if (ids.size > max) ids.delete(ids.values().next().value as string);
      return true;
    },
    delete(id) {
      ids.delete(id);
    },
  };
}

export interface CallbackReceiverOptions {
  /** Handles one event; a throw makes the receive reject (answer 5xx) and the id is forgotten, so a retry is handled. */
  onTask: (task: EndedTask, delivery: { webhookId: string }) => void | Promise<void>;
  /** `whsec_…` (or several while rotating): every delivery must be signed. Without it deliveries are parsed unsigned (the live API): confirm the task with `confirmCallback` in `onTask`. */
  secret?: string | readonly string[];
  /** Passed to `verifyCallback` (tolerance, clock). */
  verify?: VerifyCallbackOptions;
  /** Default: `memorySeenWebhookIds()`. */
  seen?: SeenWebhookIds;
}

/** What one delivery came to: handled now, or a duplicate of one handled (or being handled) before. */
export interface CallbackReceipt {
  duplicate: boolean;
  /** The delivery's `webhook-id`; for an unsigned delivery without one, `task:<id>:<status>` (a task ends once). */
  webhookId: string;
  task: EndedTask;
}

/**
 * A receive function for your route: give it the raw body and the headers; it throws
 * WebhookVerificationError for a delivery that is not genuine (answer 400), rejects with the
 * handler's error (answer 5xx), and otherwise says whether the delivery was a duplicate (answer 2xx
 * either way). A duplicate arriving while the first is still being handled counts as a duplicate.
 */
export function createCallbackReceiver(
  options: CallbackReceiverOptions,
): (rawBody: RawBody, headers: HeadersLike) => Promise<CallbackReceipt> {
  const seen = options.seen ?? memorySeenWebhookIds();
  return async (rawBody, headers) => {
    const task = options.secret
      ? await verifyCallback(rawBody, headers, options.secret, options.verify)
      : parseCallback(rawBody);
    const webhookId = header(headers, 'webhook-id') ?? `task:${task.id}:${task.status}`;
    if (!(await seen.add(webhookId))) return { duplicate: true, webhookId, task };
    try {
      await options.onTask(task, { webhookId });
    } catch (error) {
      await seen.delete(webhookId);
      throw error;
    }
    return { duplicate: false, webhookId, task };
  };
}
