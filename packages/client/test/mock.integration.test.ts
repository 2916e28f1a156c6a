// The client against the mock server's app, in process (its `fetch`, no port). Time is the mock's
// manual clock: the client's sleeps (retry backoff, polling) advance it, so nothing waits for real.
import { createMockServer, type MockServer, type MockServerOptions } from '@videotask/mock-server';
import { createMockAdminClient } from '@videotask/mock-server/admin-client';
import { clientClockOn } from '@videotask/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  type CompletedTask,
  confirmCallback,
  createVideoTaskClient,
  IdempotencyConflictError,
  InsufficientQuotaError,
  InternalServerError,
  NotFoundError,
  parseCallback,
  RateLimitError,
  TaskFailedError,
  type VideoTaskClientOptions,
  verifyCallback,
} from '../src/index.js';

const API_KEY = 'sk-test-integration';
const BASE_URL = 'http://127.0.0.1:4010';
const body = { model: 'sora-2', prompt: 'A cat playing piano' } as const;
const scenario = (value: string) => ({ headers: { 'x-mock-scenario': value } });

const mocks: MockServer[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

function setup(mockOptions: MockServerOptions = {}, clientOptions: Partial<VideoTaskClientOptions> = {}) {
  const mock = createMockServer({ clock: 'manual', seed: 1, apiKeys: [API_KEY], ...mockOptions });
  mocks.push(mock);
  const clock = clientClockOn(mock.clock);
  let requests = 0;
  const client = createVideoTaskClient({
    apiKey: API_KEY,
    baseUrl: BASE_URL,
    fetch: (input, init) => {
      requests++;
      return mock.fetch(input, init);
    },
    clock,
    ...clientOptions,
  });
  /** The admin API over HTTP, through the same in-process fetch (not counted in `requests`). */
  const admin = createMockAdminClient({ baseUrl: BASE_URL, fetch: mock.fetch });
  return { mock, client, admin, sleeps: clock.sleeps, requests: () => requests };
}

describe('create, read, credits', () => {
  test('createVideo → pending task; getTask reads it; getCredits shows the reservation', async () => {
    const { client } = setup();
    const before = await client.getCredits();
    expect(before.success).toBe(true);
    const remaining = before.data.token.remaining_credits;

    const task = await client.createVideo({ ...body, duration: 10, remove_watermark: true });
    expect(task.status).toBe('pending');
    expect(task.progress).toBe(0);
    expect(task.id).toMatch(/^task-unified-\d+-[0-9a-z]{8}$/);
    expect(task.usage?.credits_reserved).toBe(3.737);

    const read = await client.getTask(task.id);
    expect(read.id).toBe(task.id);
    const after = await client.getCredits();
    expect(after.data.token.remaining_credits).toBeCloseTo(remaining - 3.737, 3);
  });

  test('the raw openapi-fetch client reaches the same API', async () => {
    const { client } = setup();
    const { data, response } = await client.raw.GET('/v1/credits');
    expect(response.status).toBe(200);
    expect(data?.data.user.remaining_credits).toBeGreaterThan(0);
  });
});

describe('waiting', () => {
  test('createVideoAndWait: id handed over first, progress reported, completed task returned', async () => {
    const { client, sleeps } = setup();
    const events: string[] = [];
    const progress: number[] = [];
    const task: CompletedTask = await client.createVideoAndWait(body, {
      ...scenario('success'),
      onCreated: (created) => {
        events.push(`created:${created.status}`);
      },
      onProgress: (t) => {
        progress.push(t.progress);
        if (events.at(-1) !== t.status) events.push(t.status);
      },
    });
    expect(task.status).toBe('completed');
    expect(task.results.length).toBeGreaterThan(0);
    expect(events[0]).toBe('created:pending');
    expect(events.at(-1)).toBe('completed');
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The mock's lifecycle (≥ 45 s of processing) passed on its manual clock, not on the wall clock.
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThan(45_000);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0] as number);
  });

  test('a moderated task ends in TaskFailedError with code and message', async () => {
    const { client } = setup();
    const error = await client.createVideoAndWait(body, scenario('moderation')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    const failed = error as TaskFailedError;
    expect(failed.code).toBe('content_policy_violation');
    expect(failed.task.status).toBe('failed');
    expect(failed.task.error?.message).toBe(failed.message.split(': ').slice(2).join(': '));
  });

  test('fail:<code> scenarios carry their code', async () => {
    const { client } = setup();
    const error = await client
      .createVideoAndWait(body, scenario('fail:generation_timeout'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TaskFailedError', code: 'generation_timeout' });
  });

  test('a task cancelled through the admin API fails with request_cancelled', async () => {
    const { client, admin } = setup();
    const task = await client.createVideo(body, scenario('success'));
    await admin.cancel(task.id);
    const error = await client.waitForTask(task.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).code).toBe('request_cancelled');
  });

  test('a stuck task runs into the deadline (TaskWaitTimeoutError names it)', async () => {
    const { client } = setup();
    const task = await client.createVideo(body, scenario('stuck'));
    const error = await client.waitForTask(task.id, { timeoutMs: 120_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TaskWaitTimeoutError', taskId: task.id });
    expect((error as Error).message).toContain(task.id);
  });
});

describe('HTTP errors', () => {
  test('validation error: BadRequestError with param, code and request id', async () => {
    const { client, requests } = setup();
    const error = await client.createVideo({ ...body, prompt: 'x'.repeat(1001) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_request',
      param: 'prompt',
      type: 'invalid_request_error',
    });
    expect((error as BadRequestError).requestId).toBeTruthy();
    expect(requests()).toBe(1);
  });

  test('malformed task id: 400 with param task_id; unknown id: NotFoundError', async () => {
    const { client } = setup();
    await expect(client.getTask('not-a-task')).rejects.toMatchObject({
      name: 'BadRequestError',
      param: 'task_id',
      code: 'invalid_task_id',
    });
    await expect(client.getTask('task-unified-1757169743-00000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  test('wrong API key: AuthenticationError, one request', async () => {
    const { client, requests } = setup({}, { apiKey: 'sk-wrong' });
    await expect(client.getCredits()).rejects.toBeInstanceOf(AuthenticationError);
    expect(requests()).toBe(1);
  });

  test('not enough credits: InsufficientQuotaError, never retried', async () => {
    const { client, requests } = setup({ credits: 1 });
    const error = await client.createVideo(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientQuotaError);
    expect(error).toMatchObject({ status: 402, code: 'insufficient_quota' });
    expect(requests()).toBe(1);
  });

  test('same Idempotency-Key, different body: IdempotencyConflictError', async () => {
    const { client } = setup();
    await client.createVideo(body, { idempotencyKey: 'order-1' });
    await expect(
      client.createVideo({ ...body, prompt: 'Another prompt' }, { idempotencyKey: 'order-1' }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
  });
});

describe('retries against injected faults', () => {
  test('429 injected through the admin API: waits its Retry-After, then succeeds', async () => {
    const { client, admin, sleeps, requests } = setup();
    const task = await client.createVideo(body);
    await admin.injectFault({ status: 429, count: 1, retryAfter: 3 });
    expect((await client.getTask(task.id)).id).toBe(task.id);
    expect(sleeps).toEqual([3000]);
    expect(requests()).toBe(3);
  });

  test('two 503s are retried, waiting their Retry-After; a third exhausts maxRetries', async () => {
    const retrying = setup();
    await retrying.mock.faults.add({ status: 503, count: 2 });
    expect((await retrying.client.getCredits()).success).toBe(true);
    expect(retrying.requests()).toBe(3);
    expect(retrying.sleeps).toEqual([1000, 1000]);

    const exhausted = setup();
    await exhausted.mock.faults.add({ status: 503, count: 3 });
    const error = await exhausted.client.getCredits().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: 'service_unavailable', retryAfterMs: 1000 });
    expect(exhausted.requests()).toBe(3);
  });

  test('a 502 is retried; a 500 is not', async () => {
    const { client, mock, sleeps } = setup();
    await mock.faults.add({ status: 502, count: 1 });
    expect((await client.getCredits()).success).toBe(true);
    expect(sleeps).toHaveLength(1);
    await mock.faults.add({ status: 500, count: 1 });
    await expect(client.getCredits()).rejects.toMatchObject({ name: 'InternalServerError', status: 500 });
    expect(sleeps).toHaveLength(1);
  });

  test('the mock’s own rate limit (429 + Retry-After) is waited out', async () => {
    const { client, sleeps } = setup({ rateLimit: 1 });
    await client.getCredits();
    await client.getCredits();
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
  });

  test('a 429 that outlasts maxRetries reaches the caller as RateLimitError', async () => {
    const { client, mock } = setup({}, { maxRetries: 1 });
    await mock.faults.add({ status: 429, count: 5, retryAfter: 2 });
    const error = await client.getCredits().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(2000);
  });

  test('a create whose answer is lost is retried with the same key: exactly one task', async () => {
    const { mock } = setup();
    let creates = 0;
    const client = createVideoTaskClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      // The first create reaches the mock (which makes the task), but its answer never arrives.
      fetch: async (input, init) => {
        const response = await mock.fetch(input, init);
        if (input.method === 'POST' && ++creates === 1) throw new TypeError('socket hang up');
        return response;
      },
      clock: clientClockOn(mock.clock),
    });
    const task = await client.createVideo(body);
    expect(creates).toBe(2);
    expect((await mock.tasks.list()).map((t) => t.task.id)).toEqual([task.id]);
  });

  test('a 503 on create is retried; the task exists once', async () => {
    const { client, mock, requests } = setup();
    await mock.faults.add({ status: 503, count: 1, path: '/v1/videos' });
    const task = await client.createVideo(body);
    expect(requests()).toBe(2);
    expect((await mock.tasks.list()).map((t) => t.task.id)).toEqual([task.id]);
  });
});

describe('callbacks from the mock', () => {
  function receiver() {
    const received: { raw: string; headers: Headers }[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      received.push({ raw: await request.text(), headers: request.headers });
      return new Response(null, { status: 204 });
    };
    return { received, fetch: fetch as typeof globalThis.fetch };
  }

  test('a signed delivery verifies, parses and confirms to the same finished task', async () => {
    const hook = receiver();
    const { client, mock } = setup({ fetch: hook.fetch });
    const done = await client.createVideoAndWait(
      { ...body, callback_url: 'https://hooks.example.com/video-task' },
      scenario('success'),
    );
    await mock.deliveries.idle();
    expect(hook.received).toHaveLength(1);
    const [{ raw, headers }] = hook.received as [{ raw: string; headers: Headers }];

    const verified = await verifyCallback(raw, headers, mock.webhookSecret, { now: () => mock.clock.now() });
    expect(verified).toEqual(done);
    expect(parseCallback(raw)).toEqual(done);
    expect(await confirmCallback(client, raw)).toEqual(done);
    expect((await mock.deliveries.list({ taskId: done.id })).length).toBeGreaterThan(0);

    // Another secret, or the body changed by one byte, is refused.
    await expect(
      verifyCallback(raw, headers, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', { now: () => mock.clock.now() }),
    ).rejects.toMatchObject({ reason: 'invalid_signature' });
    await expect(
      verifyCallback(raw.replace('"completed"', '"completed" '), headers, mock.webhookSecret, {
        now: () => mock.clock.now(),
      }),
    ).rejects.toMatchObject({ reason: 'invalid_signature' });
  });

  test('a failed task is delivered too, as a finished task', async () => {
    const hook = receiver();
    const { client, mock } = setup({ fetch: hook.fetch });
    await client
      .createVideoAndWait(
        { ...body, callback_url: 'https://hooks.example.com/video-task' },
        scenario('moderation'),
      )
      .catch(() => undefined);
    await mock.deliveries.idle();
    const [{ raw, headers }] = hook.received as [{ raw: string; headers: Headers }];
    const task = await verifyCallback(raw, headers, mock.webhookSecret, { now: () => mock.clock.now() });
    expect(task.status).toBe('failed');
    if (task.status === 'failed') expect(task.error.code).toBe('content_policy_violation');
  });
});
