// fakeCallback: the headers and raw body of a signed callback delivery, made with the mock's own signer.
import type { CallbackHeaders, FinishedTask } from '@videotask/client';
import { createSigner } from '@videotask/mock-server';
import { FixtureError, type FixtureSeed, fakeTask } from './fixtures.js';

export interface FakeCallbackOptions {
  /** The `whsec_<base64>` secret the receiver verifies with. */
  secret: string;
  /** The finished task to deliver (default: a fake completed task). */
  task?: FinishedTask;
  /** `webhook-id` (default a fresh `msg_…`). */
  id?: string;
  /** `webhook-timestamp`, Unix seconds (default now: receivers refuse one more than 5 minutes off). */
  timestamp?: number;
  /** `traceparent` (W3C Trace Context; default one drawn from `id` and `timestamp`): the mock sends one with every attempt. */
  traceparent?: string;
  /** Seeds the default task. */
  seed?: FixtureSeed;
}

export interface FakeCallback {
  /** The request headers, exactly as the mock sends them. */
  headers: CallbackHeaders & {
    'content-type': 'application/json';
    'user-agent': string;
    traceparent: string;
  };
  /** The raw body: verify these bytes, not a re-serialised copy. */
  body: string;
  task: FinishedTask;
  /** The delivery as a fetch Request to `url`, for handlers that take one. */
  request(url: string): Request;
}

function freshId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `msg_${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}

/**
 * A sampled trace context drawn from the webhook-id and timestamp (SHA-256), so the same inputs give the
 * same delivery; an all-zero id (invalid) would need a hash of zeros.
 */
async function derivedTraceparent(id: string, timestamp: number): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${id}.${timestamp}`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `00-${hex.slice(0, 32)}-${hex.slice(32, 48)}-01`;
}

/** A signed delivery of a finished task, for testing a callback receiver. */
export async function fakeCallback(options: FakeCallbackOptions): Promise<FakeCallback> {
  const task: FinishedTask = options.task ?? fakeTask({ status: 'completed' }, { seed: options.seed });
  if (task.status !== 'completed' && task.status !== 'failed') {
    throw new FixtureError(
      `fakeCallback: only a finished task is delivered, got status "${String((task as { status: unknown }).status)}"`,
    );
  }
  const id = options.id ?? freshId();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const body = JSON.stringify(task);
  const signature = await createSigner(options.secret)(id, timestamp, body);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'videotask-mock',
    'webhook-id': id,
    traceparent: options.traceparent ?? (await derivedTraceparent(id, timestamp)),
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  } as const;
  return {
    headers,
    body,
    task,
    request: (url) => new Request(url, { method: 'POST', headers, body }),
  };
}
