// The client's transport against a scripted fetch: headers, configuration, methods, retries, timeouts.

import { creditsResponse } from '@videotask/testkit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { readEnv } from '../src/env.js';
import {
  APIConnectionError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  createVideoTaskClient,
  DEFAULT_BASE_URL,
  IdempotencyConflictError,
  InsufficientQuotaError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  UnexpectedResponseError,
  VERSION,
  VideoTaskError,
} from '../src/index.js';
import { apiError, completedTask, json, pendingTask, scriptedFetch, TASK_ID, testClient } from './helpers.js';

const body = { model: 'sora-2', prompt: 'A cat playing piano' } as const;
const credits = creditsResponse();

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('configuration', () => {
  test('sends the API key, a user agent and extra headers', async () => {
    const { client, seen } = testClient([json(pendingTask)], { headers: { 'x-team': 'video' } });
    await client.getTask(TASK_ID);
    const [request] = seen;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`http://127.0.0.1:4010/v1/tasks/${TASK_ID}`);
    expect(request?.headers.get('authorization')).toBe('Bearer sk-test');
    expect(request?.headers.get('user-agent')).toBe(`videotask-client/${VERSION}`);
    expect(request?.headers.get('x-team')).toBe('video');
  });

  test('apiKey and baseUrl fall back to EVOLINK_API_KEY and EVOLINK_BASE_URL', async () => {
    vi.stubEnv('EVOLINK_API_KEY', 'sk-from-env');
    vi.stubEnv('EVOLINK_BASE_URL', 'http://mock.test:4010');
    const { fetch, seen } = scriptedFetch([json(credits)]);
    const client = createVideoTaskClient({ fetch });
    expect(client.baseUrl).toBe('http://mock.test:4010');
    await client.getCredits();
    expect(seen[0]?.url).toBe('http://mock.test:4010/v1/credits');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer sk-from-env');
  });

  test('baseUrl defaults to the production server', () => {
    vi.stubEnv('EVOLINK_BASE_URL', '');
    expect(createVideoTaskClient({ apiKey: 'k' }).baseUrl).toBe(DEFAULT_BASE_URL);
  });

  test('no API key anywhere: a clear error at construction', () => {
    vi.stubEnv('EVOLINK_API_KEY', '');
    expect(() => createVideoTaskClient()).toThrow(VideoTaskError);
    expect(() => createVideoTaskClient()).toThrow(/EVOLINK_API_KEY/);
  });

  test('environment reading survives runtimes without process (browsers, edge) and uses Deno.env', () => {
    vi.stubGlobal('process', undefined);
    const withoutProcess = readEnv('EVOLINK_API_KEY');
    vi.stubGlobal('Deno', { env: { get: (name: string) => (name === 'X_KEY' ? 'from-deno' : undefined) } });
    const fromDeno = readEnv('X_KEY');
    vi.stubGlobal('Deno', {
      env: {
        get: () => {
          throw new Error('PermissionDenied');
        },
      },
    });
    const denied = readEnv('X_KEY');
    vi.unstubAllGlobals();
    expect(withoutProcess).toBeUndefined();
    expect(fromDeno).toBe('from-deno');
    expect(denied).toBeUndefined();
  });

  test('environment values are trimmed; a blank one is unset, and Deno is read only where process has none', () => {
    const deno = (values: Record<string, string>) => ({ env: { get: (name: string) => values[name] } });
    vi.stubEnv('X_KEY', '  sk-pasted\n');
    const trimmed = readEnv('X_KEY');
    vi.stubEnv('X_KEY', '   ');
    vi.stubGlobal('Deno', deno({ X_KEY: 'from-deno' }));
    const blank = readEnv('X_KEY');
    const unset = readEnv('X_OTHER');
    vi.stubGlobal('process', undefined);
    const denoOnly = readEnv('X_KEY');
    vi.stubGlobal('Deno', deno({ X_KEY: ' padded ', X_BLANK: ' ' }));
    const denoTrimmed = readEnv('X_KEY');
    const denoBlank = readEnv('X_BLANK');
    const denoUnset = readEnv('X_OTHER');
    vi.unstubAllGlobals();
    expect(trimmed).toBe('sk-pasted');
    expect(blank).toBeUndefined();
    expect(unset).toBeUndefined();
    expect(denoOnly).toBe('from-deno');
    expect(denoTrimmed).toBe('padded');
    expect(denoBlank).toBeUndefined();
    expect(denoUnset).toBeUndefined();
  });

  test('the raw openapi-fetch client reaches any path with the same auth', async () => {
    const { client, seen } = testClient([json(credits)]);
    const { data, response } = await client.raw.GET('/v1/credits');
    expect(response.status).toBe(200);
    expect(data?.data.token.remaining_credits).toBe(credits.data.token.remaining_credits);
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer sk-test');
  });

  test('a per-request Authorization header wins over the client key', async () => {
    const { client, seen } = testClient([json(credits)]);
    await client.raw.GET('/v1/credits', { headers: { Authorization: 'Bearer other' } });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer other');
  });
});

describe('methods', () => {
  test('createVideo posts the body with a generated Idempotency-Key', async () => {
    const { client, seen } = testClient([json(pendingTask), json(pendingTask)]);
    const task = await client.createVideo({ ...body, duration: 15 });
    expect(task).toEqual(pendingTask);
    await client.createVideo(body);
    const [first, second] = seen;
    expect(first?.method).toBe('POST');
    expect(first?.url).toBe('http://127.0.0.1:4010/v1/videos/generations');
    expect(JSON.parse(first?.body ?? '')).toEqual({ ...body, duration: 15 });
    expect(first?.headers.get('content-type')).toBe('application/json');
    const key = first?.headers.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second?.headers.get('idempotency-key')).not.toBe(key);
  });

  test("createVideo sends the caller's idempotencyKey", async () => {
    const { client, seen } = testClient([json(pendingTask)]);
    await client.createVideo(body, { idempotencyKey: 'order-42' });
    expect(seen[0]?.headers.get('idempotency-key')).toBe('order-42');
  });

  test('getTask encodes the id into the path', async () => {
    const { client, seen } = testClient([json(completedTask)]);
    expect(await client.getTask('a/../b?c')).toEqual(completedTask);
    expect(seen[0]?.url).toBe('http://127.0.0.1:4010/v1/tasks/a%2F..%2Fb%3Fc');
  });

  test('getCredits returns the balance', async () => {
    const { client } = testClient([json(credits)]);
    expect(await client.getCredits()).toEqual(credits);
  });

  test('an answer that is not a task, not JSON or empty is an UnexpectedResponseError', async () => {
    const { client } = testClient([
      json({ hello: 'world' }),
      new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      new Response(null, { status: 200 }),
    ]);
    await expect(client.getTask(TASK_ID)).rejects.toThrow(UnexpectedResponseError);
    await expect(client.getTask(TASK_ID)).rejects.toThrow(UnexpectedResponseError);
    await expect(client.getTask(TASK_ID)).rejects.toThrow(UnexpectedResponseError);
  });

  test('an aborted signal rejects with its reason and sends nothing', async () => {
    const { client, seen } = testClient([json(pendingTask)]);
    const controller = new AbortController();
    controller.abort(new Error('user gave up'));
    await expect(client.getTask(TASK_ID, { signal: controller.signal })).rejects.toThrow('user gave up');
    expect(seen).toHaveLength(0);
  });
});

describe('errors are thrown, never retried, for 400/401/402/403/404/413/422', () => {
  const cases = [
    [400, 'invalid_request', BadRequestError],
    [401, 'unauthorized', AuthenticationError],
    [402, 'insufficient_quota', InsufficientQuotaError],
    [403, 'model_access_denied', PermissionDeniedError],
    [404, 'task_not_found', NotFoundError],
    [413, 'request_too_large', RequestTooLargeError],
    [422, 'idempotency_conflict', IdempotencyConflictError],
    [500, 'internal_error', InternalServerError],
  ] as const;
  test.each(cases)('%i → %s, one attempt', async (status, code, Class) => {
    const { client, seen, sleeps } = testClient([
      apiError(status, code, 'no', { param: 'duration' }, { 'x-request-id': 'req_9' }),
    ]);
    const error = await client.createVideo(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    expect(error).toMatchObject({ status, code, param: 'duration', requestId: 'req_9' });
    expect(seen).toHaveLength(1);
    expect(sleeps).toHaveLength(0);
  });
});

describe('retries', () => {
  test('429 with Retry-After: waits exactly that long, then succeeds', async () => {
    const { client, seen, sleeps } = testClient([
      apiError(429, 'rate_limit_exceeded', 'slow down', {}, { 'retry-after': '2' }),
      json(pendingTask),
    ]);
    expect(await client.getTask(TASK_ID)).toEqual(pendingTask);
    expect(seen).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  test('Retry-After as an HTTP date', async () => {
    const { client, sleeps, clock } = testClient([
      apiError(
        503,
        'service_unavailable',
        'busy',
        {},
        { 'retry-after': new Date(1_700_000_003_000).toUTCString() },
      ),
      json(pendingTask),
    ]);
    expect(clock.now()).toBe(1_700_000_000_000);
    await client.getTask(TASK_ID);
    expect(sleeps).toEqual([3000]);
  });

  test('502, 503 and 504: exponential backoff with full jitter', async () => {
    const { client, seen, sleeps } = testClient(
      [
        apiError(502, 'upstream_error'),
        apiError(503, 'service_unavailable'),
        apiError(504, 'gateway_timeout'),
        json(pendingTask),
      ],
      { maxRetries: 3, clock: { random: () => 0.999 } },
    );
    await client.getTask(TASK_ID);
    expect(seen).toHaveLength(4);
    // Caps 500, 1000, 2000 ms; random 0.999 → just under each cap.
    expect(sleeps).toEqual([499, 999, 1998]);
  });

  test('full jitter can draw zero', async () => {
    const { client, sleeps } = testClient([apiError(503, 'service_unavailable'), json(pendingTask)], {
      clock: { random: () => 0 },
    });
    await client.getTask(TASK_ID);
    expect(sleeps).toEqual([0]);
  });

  test('after maxRetries the last answer is thrown', async () => {
    const { client, seen } = testClient([
      apiError(429, 'rate_limit_exceeded', 'a', {}, { 'retry-after': '1' }),
      apiError(429, 'rate_limit_exceeded', 'b', {}, { 'retry-after': '1' }),
      apiError(429, 'rate_limit_exceeded', 'c', {}, { 'retry-after': '1' }),
    ]);
    const error = await client.getTask(TASK_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect((error as Error).message).toContain('c');
    expect(seen).toHaveLength(3);
  });

  test('a Retry-After beyond 60 s is not waited for: the caller gets it', async () => {
    const { client, seen, sleeps } = testClient([
      apiError(429, 'rate_limit_exceeded', 'later', {}, { 'retry-after': '3600' }),
    ]);
    const error = await client.getCredits().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test('maxRetries: 0 disables retrying', async () => {
    const { client, seen } = testClient([apiError(503, 'service_unavailable')], { maxRetries: 0 });
    await expect(client.getTask(TASK_ID)).rejects.toThrow(InternalServerError);
    expect(seen).toHaveLength(1);
  });

  test('network errors are retried, then surface as APIConnectionError', async () => {
    const { client, seen } = testClient([new TypeError('fetch failed'), json(pendingTask)]);
    expect(await client.getTask(TASK_ID)).toEqual(pendingTask);
    expect(seen).toHaveLength(2);

    const failing = testClient([new TypeError('a'), new TypeError('b'), new TypeError('c')]);
    const error = await failing.client.getTask(TASK_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(failing.seen).toHaveLength(3);
  });

  test('a network error then a retryable status then success', async () => {
    const { client, seen } = testClient([
      new TypeError('reset'),
      apiError(503, 'service_unavailable'),
      json(pendingTask),
    ]);
    expect(await client.getTask(TASK_ID)).toEqual(pendingTask);
    expect(seen).toHaveLength(3);
  });

  test('a create is retried with the same key and the same body', async () => {
    const { client, seen } = testClient([
      apiError(503, 'service_unavailable'),
      new TypeError('socket hang up'),
      json(pendingTask),
    ]);
    await client.createVideo({ ...body, aspect_ratio: '9:16' });
    expect(seen).toHaveLength(3);
    const keys = new Set(seen.map((r) => r.headers.get('idempotency-key')));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBeTruthy();
    for (const request of seen) expect(JSON.parse(request.body)).toEqual({ ...body, aspect_ratio: '9:16' });
  });

  test('a POST without Idempotency-Key (raw client) is never retried', async () => {
    const { client, seen } = testClient([apiError(503, 'service_unavailable'), new TypeError('x')]);
    const { error, response } = await client.raw.POST('/v1/videos/generations', { body });
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ error: { code: 'service_unavailable' } });
    await expect(client.raw.POST('/v1/videos/generations', { body })).rejects.toThrow(APIConnectionError);
    expect(seen).toHaveLength(2);
  });

  test('aborting during a backoff wait rejects with the reason and stops retrying', async () => {
    const controller = new AbortController();
    const { client, seen } = testClient([apiError(503, 'service_unavailable'), json(pendingTask)], {
      clock: {
        sleep: async () => {
          controller.abort(new Error('stop'));
          controller.signal.throwIfAborted();
        },
      },
    });
    await expect(client.getTask(TASK_ID, { signal: controller.signal })).rejects.toThrow('stop');
    expect(seen).toHaveLength(1);
  });
});

describe('timeouts', () => {
  /** A fetch that answers only when its signal aborts (then rejects like fetch does). */
  function hangingFetch() {
    let calls = 0;
    const fetch = (input: Request, init?: RequestInit) => {
      calls++;
      const signal = init?.signal ?? input.signal;
      return new Promise<Response>((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    };
    return { fetch, calls: () => calls };
  }

  /** A client over hangingFetch that keeps the signal of every request it sends. */
  function hangingClient(timeoutMs: number) {
    const signals: AbortSignal[] = [];
    const hanging = hangingFetch();
    const client = createVideoTaskClient({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:4010',
      fetch: (input, init) => {
        signals.push(init?.signal ?? input.signal);
        return hanging.fetch(input, init);
      },
      timeoutMs,
    });
    return { client, signals };
  }

  test('a call that outlasts timeoutMs rejects with APITimeoutError, and is not retried', async () => {
    vi.useFakeTimers();
    const hanging = hangingFetch();
    const client = createVideoTaskClient({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:4010',
      fetch: hanging.fetch,
      timeoutMs: 1000,
    });
    const outcome = client.getTask(TASK_ID).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    expect(hanging.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('1000 ms');
    expect(hanging.calls()).toBe(1);
  });

  test('no retry wait is started that would end past timeoutMs: the last answer comes at once', async () => {
    vi.useFakeTimers();
    const { fetch, seen } = scriptedFetch(
      Array.from({ length: 5 }, () =>
        apiError(503, 'service_unavailable', 'busy', {}, { 'retry-after': '2' }),
      ),
    );
    const client = createVideoTaskClient({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:4010',
      fetch,
      timeoutMs: 3000,
      maxRetries: 4,
    });
    let settled: unknown;
    const outcome = client.getTask(TASK_ID).then(
      () => undefined,
      (e: unknown) => {
        settled = e;
      },
    );
    // First answer at 0 → wait 2 s (ends at 2 s < 3 s) → second answer; another 2 s would end at 4 s.
    await vi.advanceTimersByTimeAsync(2000);
    await outcome;
    expect(seen).toHaveLength(2);
    expect(settled).toBeInstanceOf(InternalServerError);
    expect(settled).toMatchObject({ status: 503, retryAfterMs: 2000 });
  });

  test("every attempt of a call shares one budget from the call's start, a create's and a read's alike", async () => {
    vi.useFakeTimers();
    // Every answer takes 2 s to arrive and says: 503, retry after 2 s. timeoutMs is 7 s.
    const slow503 = () =>
      new Promise<Response>((resolve) =>
        setTimeout(
          () => resolve(apiError(503, 'service_unavailable', 'busy', {}, { 'retry-after': '2' })),
          2000,
        ),
      );
    const make = () => {
      const scripted = scriptedFetch([slow503, slow503, slow503, slow503]);
      const client = createVideoTaskClient({
        apiKey: 'k',
        baseUrl: 'http://127.0.0.1:4010',
        fetch: scripted.fetch,
        timeoutMs: 7000,
        maxRetries: 5,
      });
      return { client, seen: scripted.seen };
    };
    // Answers at 2 s and 6 s; after the second, a 2 s wait would end at 8 s, past the deadline.
    const create = make();
    const created = create.client.createVideo({ model: 'sora-2', prompt: 'x' }).catch((e: unknown) => e);
    const read = make();
    const got = read.client.getTask(TASK_ID).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(6000);
    // At 6 s both hand back the 503 rather than wait, and never make a third attempt (a late
    // create could make a task the caller never hears of).
    expect(await created).toMatchObject({ name: 'InternalServerError', status: 503 });
    expect(await got).toMatchObject({ name: 'InternalServerError', status: 503 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(create.seen).toHaveLength(2);
    expect(read.seen).toHaveLength(2);
  });

  test('the deadline aborts the signal the request carries, with the APITimeoutError the call rejects with', async () => {
    vi.useFakeTimers();
    const { client, signals } = hangingClient(500);
    const outcome = client.createVideo({ model: 'sora-2', prompt: 'x' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(499);
    expect(signals.map((s) => s.aborted)).toEqual([false]);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBe(error);
  });

  test('a call leaves no timer behind once it settles, answered or failed', async () => {
    vi.useFakeTimers();
    const { client } = testClient([json(pendingTask), apiError(404, 'task_not_found')], { timeoutMs: 800 });
    expect(vi.getTimerCount()).toBe(0);
    const read = client.getTask(TASK_ID);
    expect(vi.getTimerCount()).toBe(1);
    await read;
    expect(vi.getTimerCount()).toBe(0);
    await expect(client.getTask(TASK_ID)).rejects.toThrow(NotFoundError);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('timeoutMs 0 sets no timer and gives the request no signal of its own', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const client = createVideoTaskClient({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:4010',
      fetch: async (input) => {
        signals.push(input.signal);
        expect(vi.getTimerCount()).toBe(0);
        return json(pendingTask);
      },
      timeoutMs: 0,
    });
    await client.getTask(TASK_ID);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
  });

  test("the caller's abort is not a timeout and is not retried", async () => {
    const hanging = hangingFetch();
    const client = createVideoTaskClient({ apiKey: 'k', baseUrl: 'http://x.test', fetch: hanging.fetch });
    const controller = new AbortController();
    const outcome = client.getTask(TASK_ID, { signal: controller.signal }).catch((e: unknown) => e);
    await Promise.resolve();
    controller.abort(new Error('cancelled by user'));
    const error = await outcome;
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe('cancelled by user');
    expect(hanging.calls()).toBe(1);
  });

  test("the caller's signal and the deadline are one signal: either aborts the request", async () => {
    vi.useFakeTimers();
    const { client, signals } = hangingClient(1000);
    const controller = new AbortController();
    const byCaller = client.getTask(TASK_ID, { signal: controller.signal }).catch((e: unknown) => e);
    const byDeadline = client
      .getTask(TASK_ID, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('stop'));
    expect(await byCaller).toMatchObject({ message: 'stop' });
    expect(signals[0]?.reason).toMatchObject({ message: 'stop' });
    await vi.advanceTimersByTimeAsync(990);
    expect(await byDeadline).toBeInstanceOf(APITimeoutError);
    expect(signals[1]?.reason).toBeInstanceOf(APITimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('randomUUID', () => {
  test('falls back to getRandomValues where randomUUID is missing (insecure browser contexts)', async () => {
    const { randomUUID } = await import('../src/uuid.js');
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => real.getRandomValues(bytes) });
    const ids = [randomUUID(), randomUUID()];
    vi.unstubAllGlobals();
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
