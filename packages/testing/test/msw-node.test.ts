// Two apps (plain fetch, and @videotask/client) under msw/node's setupServer with the stateful handlers:
// the lifecycle on the manual clock, the result video, a fail:<code> scenario and an injected 429.
import { RateLimitError, TaskFailedError } from '@videotask/client';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createVideoTaskHandlers } from '../src/msw.js';
import { createClientApp } from './apps/client-app.js';
import { ApiError, createFetchApp } from './apps/fetch-app.js';

const START = Date.UTC(2026, 3, 1, 8);
const { handlers, mock } = createVideoTaskHandlers({ seed: 'msw-node', startTime: START });
const server = setupServer(...handlers);
/** The client's waits move the mock's clock: polling takes no wall-clock time. */
const mockClock = {
  now: () => mock.clock.now(),
  sleep: (ms: number) => mock.clock.advance(ms),
  random: () => 0.5,
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  await mock.reset();
});
afterAll(async () => {
  server.close();
  await mock.close();
});

/** An MP4 starts with an `ftyp` box. */
const isMp4 = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(4, 8)) === 'ftyp';

describe('an app on plain fetch', () => {
  const app = createFetchApp({ apiKey: 'sk-app' });

  test('creates a task, sees it complete after the clock moves, downloads the video', async () => {
    const created = await app.startVideo('A paper boat drifting down a rainy street, macro lens');
    expect(created).toMatchObject({ status: 'pending', progress: 0, object: 'video.generation.task' });
    await mock.clock.advance(10_000);
    expect((await app.videoStatus(created.id)).status).toBe('processing');
    await mock.clock.advance(120_000);
    const done = await app.videoStatus(created.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(done.results[0]).toBe(`https://api.evolink.ai/files/${created.id}.mp4`);
    const video = await app.download(done.results[0]);
    expect(video.type).toBe('video/mp4');
    expect(isMp4(video.bytes)).toBe(true);
    expect((await mock.tasks.get(created.id))?.apiKey).toBe('sk-app');
  });

  test('a fail:<code> scenario ends the task failed with that code', async () => {
    const failing = createFetchApp({
      apiKey: 'sk-app',
      headers: { 'x-mock-scenario': 'fail:generation_timeout' },
    });
    const created = await failing.startVideo('A lighthouse in a storm');
    await mock.clock.advance(120_000);
    const task = await failing.videoStatus(created.id);
    expect(task).toMatchObject({
      status: 'failed',
      error: { code: 'generation_timeout', type: 'task_error' },
    });
    // The failed task's video does not exist.
    await expect(app.download(`https://api.evolink.ai/files/${created.id}.mp4`)).rejects.toThrow('404');
  });

  test('an injected 429 reaches the app as the API sends it: envelope, Retry-After', async () => {
    await mock.faults.add({ status: 429, count: 1, retryAfter: 3 });
    const error = await app.startVideo('A cat').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      retryAfter: '3',
      body: { error: { code: 'rate_limit_exceeded' } },
    });
    expect(await mock.tasks.list()).toHaveLength(0);
    // The fault is spent: the next create goes through.
    expect((await app.startVideo('A cat')).status).toBe('pending');
  });

  test('a base URL with a path (a gateway) maps onto the mock, result URLs included', async () => {
    const gateway = createVideoTaskHandlers({ baseUrl: 'https://gw.example.com/evolink/', seed: 'gateway' });
    server.use(...gateway.handlers);
    const proxied = createFetchApp({ apiKey: 'sk-app', baseUrl: 'https://gw.example.com/evolink' });
    const created = await proxied.startVideo('A tram crossing a bridge at night');
    expect(await gateway.mock.tasks.get(created.id)).toBeDefined();
    await gateway.mock.clock.advance(120_000);
    const done = await proxied.videoStatus(created.id);
    expect(done.results[0]).toBe(`https://gw.example.com/evolink/files/${created.id}.mp4`);
    expect((await proxied.download(done.results[0])).type).toBe('video/mp4');
    await gateway.mock.close();
  });

  test('the admin clock verbs are served through the handlers too: set moves the lifecycle', async () => {
    const created = await app.startVideo('A lighthouse at dusk');
    const set = await fetch('https://api.evolink.ai/__mock/clock/set', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at: new Date(START + 600_000).toISOString() }),
    });
    expect(await set.json()).toMatchObject({
      mode: 'manual',
      now: START + 600_000,
      factor: 1,
      paused: false,
    });
    expect((await app.videoStatus(created.id)).status).toBe('completed');
    expect(await mock.clock.set(START + 600_000)).toMatchObject({ now: START + 600_000 });
  });

  test('the default base URL is the production one; other hosts are not handled', async () => {
    await expect(fetch('https://api.example.com/v1/credits')).rejects.toThrow();
  });
});

describe('an app on @videotask/client', () => {
  test('createVideoAndWait polls (on the mock clock) to completed; the video downloads', async () => {
    const app = createClientApp({ apiKey: 'sk-client', clock: mockClock });
    const { task, type, bytes } = await app.makeVideo('A hummingbird in slow motion');
    expect(task.status).toBe('completed');
    expect(type).toBe('video/mp4');
    expect(isMp4(bytes)).toBe(true);
    expect(mock.clock.now() - START).toBeGreaterThan(45_000);
  });

  test('a fail:content_policy_violation scenario surfaces as TaskFailedError with that code', async () => {
    const app = createClientApp({
      apiKey: 'sk-client',
      clock: mockClock,
      headers: { 'x-mock-scenario': 'fail:content_policy_violation' },
    });
    const error = await app.makeVideo('A celebrity dancing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({ code: 'content_policy_violation' });
  });

  test('under the flaky-gateway chaos profile the app still gets its one video (a reset ends the chaos)', async () => {
    const app = createClientApp({ apiKey: 'sk-client', clock: mockClock });
    // This seed's first draws: a 502 after the create, a pass, two 429s, a pass, a 503.
    await mock.chaos.set('flaky-gateway', 'contract-flaky-58');
    const { task, bytes } = await app.makeVideo('A heron through a flaky gateway');
    expect(task.status).toBe('completed');
    expect(isMp4(bytes)).toBe(true);
    expect(await mock.tasks.list()).toHaveLength(1);
    expect((await mock.chaos.get()).draws).toBeGreaterThan(5);
    await mock.reset();
    expect((await mock.chaos.get()).profile).toBeNull();
  });

  test('an injected 429: retried after Retry-After on the clock, or a RateLimitError once retries run out', async () => {
    const app = createClientApp({ apiKey: 'sk-client', clock: mockClock });
    await mock.faults.add({ status: 429, count: 1, retryAfter: 2 });
    const before = mock.clock.now();
    const task = await app.client.createVideo({ model: 'sora-2', prompt: 'A fox' });
    expect(task.status).toBe('pending');
    expect(mock.clock.now() - before).toBe(2000);

    await mock.faults.add({ status: 429, count: 3, retryAfter: 1 });
    const error = await app.client.createVideo({ model: 'sora-2', prompt: 'A fox' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', retryAfterMs: 1000 });
  });
});
