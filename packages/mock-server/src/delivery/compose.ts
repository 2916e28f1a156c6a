// Composing one delivery's request: the JSON body and its Standard Webhooks headers, signed as asked
// (or altered by a redelivery's mutation, or unsigned when the mock runs with unsigned callbacks), and
// the attempt's W3C traceparent.
import type { RedeliverMutation } from '../domain/delivery-attempt.js';
import { createSigner, generateWebhookSecret, type Signer } from './signature.js';

/** Timestamps this far back make a receiver's 5-minute tolerance refuse the delivery. */
const STALE_BY_SECONDS = 600;

export interface DeliveryRequest {
  headers: Record<string, string>;
  body: string;
}

export interface Composer {
  /** The request for `webhookId` at `at` (server clock, ms). */
  compose(
    webhookId: string,
    at: number,
    body: string,
    mutate: RedeliverMutation | null,
    /** The attempt's W3C `traceparent` (its own span in the task's trace). */
    traceparent?: string,
  ): Promise<DeliveryRequest>;
}

/** `secret` signs; `signed: false` sends no webhook-timestamp / webhook-signature (as the live API). */
export function createComposer(secret: string, signed: boolean): Composer {
  const sign = createSigner(secret);
  let wrongSign: Signer | undefined;
  return {
    async compose(webhookId, at, original, mutate, traceparent) {
      let timestamp = Math.floor(at / 1000);
      let body = original;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'videotask-mock',
        'webhook-id': webhookId,
      };
      // Every mutation keeps it: a receiver's trace joins each attempt whatever else was altered.
      if (traceparent) headers.traceparent = traceparent;
      if (!signed) return { headers, body: mutate === 'tampered-body' ? tamper(body) : body };
      let signer = sign;
      if (mutate === 'stale-timestamp') timestamp -= STALE_BY_SECONDS;
      if (mutate === 'bad-signature') {
        wrongSign ??= createSigner(generateWebhookSecret());
        signer = wrongSign;
      }
      const signature = await signer(webhookId, timestamp, body);
      if (mutate === 'tampered-body') body = tamper(body);
      headers['webhook-timestamp'] = String(timestamp);
      headers['webhook-signature'] = signature;
      return { headers, body };
    },
  };
}

/** The body a `tampered-body` redelivery sends (signed over the original): the video URL or error changed. */
export function tamper(body: string): string {
  const task = JSON.parse(body) as { results?: string[]; error?: { message: string }; progress?: number };
  if (task.results) task.results = ['https://attacker.example/video.mp4'];
  else if (task.error) task.error.message = 'tampered';
  else task.progress = 100;
  return JSON.stringify(task);
}
