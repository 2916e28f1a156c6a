// createRetryingFetch on its own: which requests are sent again, how long it waits, what ends the
// retries, and that a body is copied only for a request that may be sent again.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { APIConnectionError } from '../src/errors.js';
import {
  backoffDelay,
  createRetryingFetch,
  DEFAULT_RETRY_POLICY,
  isRetryableRequest,
  type RetryPolicy,
} from '../src/retry.js';
import { fakeClock } from './helpers.js';

const URL_ = 'https://api.test/v1/tasks/task-1';
const NEVER = Number.POSITIVE_INFINITY;

afterEach(() => {
  vi.restoreAllMocks();
});

function retrying(answers: Array<Response | Error | string>, policy: Partial<RetryPolicy> = {}) {
  const sent: Request[] = [];
  const time = fakeClock();
  const fetch = createRetryingFetch(
    async (request) => {
      sent.push(request);
      const next = answers.shift();
      if (next === undefined) throw new Error('no answer left');
      if (next instanceof Response) return next;
      throw next;
    },
    { policy: { ...DEFAULT_RETRY_POLICY, ...policy }, clock: time.clock },
  );
  return { fetch, sent, ...time };
}

const ok = () => new Response('{}', { status: 200 });
const busy = (headers: Record<string, string> = {}) => new Response('busy', { status: 503, headers });
const create = (headers: Record<string, string> = {}) =>
  new Request('https://api.test/v1/videos/generations', {
    method: 'POST',
    body: '{"model":"sora-2"}',
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('what may be sent twice', () => {
  test('reads (GET, HEAD, OPTIONS) always; a write only with an Idempotency-Key', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(isRetryableRequest(new Request(URL_, { method }))).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(isRetryableRequest(new Request(URL_, { method }))).toBe(false);
      expect(isRetryableRequest(new Request(URL_, { method, headers: { 'Idempotency-Key': 'k' } }))).toBe(
        true,
      );
    }
  });
});

describe('backoff', () => {
  test('full jitter below a cap that doubles per retry up to maxDelayMs', () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect(backoffDelay(0, policy, () => 0.5)).toBe(250);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(1000);
    expect(backoffDelay(10, policy, () => 0.5)).toBe(4000);
    expect(backoffDelay(10, policy, () => 0.9999)).toBe(7999);
  });
});

describe('Retry-After and the deadline', () => {
  test('a Retry-After of exactly maxRetryAfterMs is waited for; one second more is handed to the caller', async () => {
    const waited = retrying([new Response('', { status: 429, headers: { 'retry-after': '60' } }), ok()]);
    expect((await waited.fetch(new Request(URL_), NEVER)).status).toBe(200);
    expect(waited.sleeps).toEqual([60_000]);
    const handed = retrying([new Response('', { status: 429, headers: { 'retry-after': '61' } }), ok()]);
    expect((await handed.fetch(new Request(URL_), NEVER)).status).toBe(429);
    expect(handed.sleeps).toEqual([]);
    expect(handed.sent).toHaveLength(1);
  });

  test('a wait that would end at the deadline is not started: the timeout would cut it', async () => {
    const at = retrying([busy({ 'retry-after': '1' }), ok()]);
    expect((await at.fetch(new Request(URL_), at.clock.now() + 1000)).status).toBe(503);
    expect(at.sent).toHaveLength(1);
    const before = retrying([busy({ 'retry-after': '1' }), ok()]);
    expect((await before.fetch(new Request(URL_), before.clock.now() + 1001)).status).toBe(200);
    expect(before.sleeps).toEqual([1000]);
  });
});

describe('between attempts', () => {
  test("a retried answer's body is cancelled, so its connection is freed; one without a body is retried too", async () => {
    let cancelled = 0;
    const body = new ReadableStream({
      cancel: () => {
        cancelled += 1;
      },
    });
    const { fetch, sent } = retrying([
      new Response(body, { status: 502 }),
      new Response(null, { status: 504 }),
      ok(),
    ]);
    expect((await fetch(new Request(URL_), NEVER)).status).toBe(200);
    expect(sent).toHaveLength(3);
    expect(cancelled).toBe(1);
  });

  test('a connection failure becomes APIConnectionError saying why, with the original as cause', async () => {
    const cause = new TypeError('fetch failed');
    const failed = await retrying([cause], { maxRetries: 0 })
      .fetch(new Request(URL_), NEVER)
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(APIConnectionError);
    expect(failed).toMatchObject({ message: 'Connection error: fetch failed', cause });
    const thrown = await retrying(['socket hang up'], { maxRetries: 0 })
      .fetch(new Request(URL_), NEVER)
      .catch((e: unknown) => e);
    expect(thrown).toMatchObject({ message: 'Connection error: socket hang up', cause: 'socket hang up' });
    const own = new APIConnectionError('already classed');
    await expect(retrying([own], { maxRetries: 0 }).fetch(new Request(URL_), NEVER)).rejects.toBe(own);
  });
});

describe('copies of the body', () => {
  test('none for a request that is not sent again: no body, no Idempotency-Key, or retries off', async () => {
    const clone = vi.spyOn(Request.prototype, 'clone');
    await retrying([busy(), busy(), ok()]).fetch(new Request(URL_), NEVER);
    expect((await retrying([busy()]).fetch(create(), NEVER)).status).toBe(503);
    expect(
      (await retrying([busy()], { maxRetries: 0 }).fetch(create({ 'idempotency-key': 'k' }), NEVER)).status,
    ).toBe(503);
    expect(clone).not.toHaveBeenCalled();
  });

  test('a retried create sends the same body each time', async () => {
    const { fetch, sent } = retrying([busy(), new TypeError('reset'), ok()]);
    expect((await fetch(create({ 'idempotency-key': 'k' }), NEVER)).status).toBe(200);
    expect(await Promise.all(sent.map((request) => request.text()))).toEqual(
      Array(3).fill('{"model":"sora-2"}'),
    );
    expect(sent.map((request) => request.headers.get('idempotency-key'))).toEqual(['k', 'k', 'k']);
  });
});
