// Receiving the POST a task sends to its `callback_url` when it ends. Standard Webhooks signatures
// (the mock's extension), an unsigned parse, and confirming an unsigned delivery by reading the task
// back from the API (the live API does not sign). Web Crypto only: Node 20+, browsers, Deno, Bun, edge.
import { noteCompleted } from './download.js';
import { WebhookVerificationError } from './errors.js';
import type { CancelledTask, FinishedTask, TaskState } from './types.js';
import { randomUUID } from './uuid.js';

/** A raw request body exactly as received: never re-serialise parsed JSON before verifying it. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** Fetch `Headers`, or a plain object such as Node's `req.headers` (names in any case). */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export interface VerifyCallbackOptions {
  /** Largest allowed distance between `webhook-timestamp` and now, either way. Default 300 (5 minutes). */
  toleranceSeconds?: number;
  /** The current time in ms since the epoch (default `Date.now`). */
  now?: () => number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

/** A header's value from a Fetch `Headers` or a plain record (Node's, any case); several values joined. */
export function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : value;
}

function bytesOf(body: RawBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function base64ToBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('Web Crypto (globalThis.crypto.subtle) is not available in this runtime.');
  return s;
}

async function importSecret(secret: string, usage: 'sign' | 'verify' = 'verify'): Promise<CryptoKey> {
  const raw = base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (!raw || raw.length === 0) {
    throw new WebhookVerificationError(
      'invalid_secret',
      'The webhook secret is not base64 (optionally after whsec_).',
    );
  }
  // Stryker disable next-line BooleanLiteral: whether the key could be exported is never observed.
  return subtle().importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function signedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  return signed;
}

/** The `webhook-*` headers of a delivery. */
export type CallbackHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/**
 * Signs a body the way the mock server does (Standard Webhooks): for testing your own receiver.
 * `timestamp` is Unix seconds (default: now); `id` defaults to a random `msg_…`.
 */
export async function signCallback(
  rawBody: RawBody,
  secret: string,
  options: { id?: string; timestamp?: number } = {},
): Promise<CallbackHeaders> {
  const id = options.id ?? `msg_${randomUUID().replaceAll('-', '')}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const key = await importSecret(secret, 'sign');
  const mac = await subtle().sign(
    'HMAC',
    key,
    signedContent(id, timestamp, bytesOf(rawBody)) as BufferSource,
  );
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${bytesToBase64(new Uint8Array(mac))}`,
  };
}

/**
 * What a callback can deliver: a completed or failed task, or one the live API reports as
 * `cancelled` (a status the spec does not list; treat it as failed with `request_cancelled`).
 */
export type EndedTask = FinishedTask | CancelledTask;

/**
 * The task in a callback body, checked to have ended: completed with results, failed with an error,
 * or cancelled. Returned exactly as sent, extra fields included.
 */
export function parseCallback(rawBody: RawBody): EndedTask {
  let value: unknown;
  try {
    value = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody));
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The callback body is not JSON.');
  }
  const task = value as Partial<Record<string, unknown>> | null;
  if (typeof task?.id !== 'string' || task.id === '') {
    throw new WebhookVerificationError(
      'invalid_payload',
      'The callback body is not a task (no string `id`).',
    );
  }
  const error = task.error as { code?: unknown; message?: unknown } | undefined;
  const finished =
    (task.status === 'completed' &&
      Array.isArray(task.results) &&
      task.results.every((url) => typeof url === 'string')) ||
    (task.status === 'failed' &&
      typeof error === 'object' &&
      error !== null &&
      typeof error.code === 'string' &&
      typeof error.message === 'string') ||
    task.status === 'cancelled';
  if (!finished) {
    throw new WebhookVerificationError(
      'invalid_payload',
      `The callback body is not a finished task (status ${JSON.stringify(task.status)}).`,
    );
  }
  noteCompleted(task as { status: string }, Date.now());
  return value as EndedTask;
}

/**
 * Checks a Standard Webhooks signature and returns the finished task. `secret` is `whsec_<base64>`
 * (or several, while rotating secrets); the `webhook-signature` header may also carry several
 * signatures. Throws WebhookVerificationError when anything is off.
 */
export async function verifyCallback(
  rawBody: RawBody,
  headers: HeadersLike,
  secret: string | readonly string[],
  options: VerifyCallbackOptions = {},
): Promise<EndedTask> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'Missing webhook-id, webhook-timestamp or webhook-signature header.',
    );
  }
  if (!/^\d+$/.test(timestamp)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not whole Unix seconds.');
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  const sentAt = Number(timestamp);
  if (sentAt < nowSeconds - tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `webhook-timestamp is more than ${tolerance} s old.`,
    );
  }
  if (sentAt > nowSeconds + tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `webhook-timestamp is more than ${tolerance} s in the future.`,
    );
  }

  const body = bytesOf(rawBody);
  const signed = signedContent(id, timestamp, body);

  const candidates = signatures
    .split(' ')
    .map((entry) => entry.split(','))
    .filter((parts) => parts.length === 2 && parts[0] === 'v1')
    .map((parts) => base64ToBytes(parts[1] as string))
    .filter((bytes): bytes is Uint8Array => bytes !== undefined);

  const keys = await Promise.all(
    (typeof secret === 'string' ? [secret] : secret).map((s) => importSecret(s)),
  );
  for (const key of keys) {
    for (const candidate of candidates) {
      // HMAC verification in Web Crypto compares in constant time.
      if (await subtle().verify('HMAC', key, candidate as BufferSource, signed as BufferSource)) {
        return parseCallback(body);
      }
    }
  }
  throw new WebhookVerificationError('invalid_signature', 'No webhook-signature matches the secret.');
}

/** The part of a client `confirmCallback` needs. */
export interface TaskReader {
  getTask(id: string, options?: { signal?: AbortSignal }): Promise<TaskState>;
}

/**
 * For unsigned deliveries (the live API): reads the task named in the callback back from the API
 * and returns that authoritative copy. Throws WebhookVerificationError if the body is not a finished
 * task or the API says the task has not ended; NotFoundError if no such task belongs to this API key.
 */
export async function confirmCallback(
  client: TaskReader,
  rawBody: RawBody,
  options: { signal?: AbortSignal } = {},
): Promise<EndedTask> {
  const claimed = parseCallback(rawBody);
  const task = await client.getTask(claimed.id, options);
  if (task.status !== 'completed' && task.status !== 'failed' && task.status !== 'cancelled') {
    throw new WebhookVerificationError(
      'not_finished',
      `The callback says task ${claimed.id} is ${claimed.status}, but the API reports ${task.status}.`,
    );
  }
  return task;
}
