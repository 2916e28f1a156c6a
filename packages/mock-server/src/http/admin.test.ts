import { adminSpec } from '@videotask/spec';
import { afterEach, describe, expect, test } from 'vitest';
import {
  admin,
  auth,
  createTask,
  getTask,
  manualServer,
  post,
  START,
  UNTIL_ANY_END_MS,
} from '../../test/helpers.js';
import { MAX_CLOCK_FACTOR } from '../domain/clock-state.js';
import { createMockServer, type MockServer } from '../index.js';

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

describe('admin: tasks', () => {
  test('GET /__mock/tasks lists tasks newest first with their timeline; filters by status and key', async () => {
    server = manualServer();
    const a = await createTask(server);
    const b = await createTask(server, {}, { 'x-mock-scenario': 'stuck' });
    const c = await createTask(server, { aspect_ratio: '9:16' }, {}, 'sk-other');
    await server.clock.advance(UNTIL_ANY_END_MS);
    const list = await (await admin(server, 'GET', '/tasks')).json();
    expect(list.total).toBe(3);
    expect(list.data.map((t: { task: { id: string } }) => t.task.id)).toEqual([c.id, b.id, a.id]);
    expect(list.data[2]).toMatchObject({
      apiKey: 'sk-test-1',
      scenario: null,
      aspectRatio: '16:9',
      duration: 10,
      removeWatermark: true,
      priceCredits: 3.737,
      settled: true,
      timeline: { createdAt: START, endAt: expect.any(Number), expiresAt: expect.any(Number) },
      task: { status: 'completed' },
    });
    expect(list.data[1]).toMatchObject({ scenario: 'stuck', timeline: { endAt: null, expiresAt: null } });
    const processing = await (await admin(server, 'GET', '/tasks?status=processing')).json();
    expect(processing.data.map((t: { task: { id: string } }) => t.task.id)).toEqual([b.id]);
    const other = await (await admin(server, 'GET', '/tasks?api_key=sk-other&limit=1')).json();
    expect(other).toMatchObject({ total: 1, data: [{ task: { id: c.id } }] });
    expect((await admin(server, 'GET', '/tasks?status=weird')).status).toBe(400);
    expect((await admin(server, 'GET', '/tasks?limit=0')).status).toBe(400);
  });

  test("GET /__mock/tasks/{id} shows any key's task; an unknown one is 404", async () => {
    server = manualServer();
    const t = await createTask(server, {}, {}, 'sk-someone');
    expect(await (await admin(server, 'GET', `/tasks/${t.id}`)).json()).toMatchObject({
      task: { id: t.id },
      apiKey: 'sk-someone',
    });
    const missing = await admin(server, 'GET', '/tasks/task-unified-1-aaaaaaaa');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('task_not_found');
  });

  test('POST /__mock/tasks/{id}/cancel ends a running task as failed / request_cancelled and refunds it', async () => {
    server = manualServer({ credits: 10 });
    const t = await createTask(server);
    await server.clock.advance(10_000);
    const before = (await getTask(server, t.id)).progress;
    const res = await admin(server, 'POST', `/tasks/${t.id}/cancel`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ cancelled: true, task: { status: 'failed' } });
    const after = await getTask(server, t.id);
    expect(after).toMatchObject({
      status: 'failed',
      progress: before,
      error: { code: 'request_cancelled', type: 'task_error' },
      task_info: { can_cancel: false },
      usage: { credits_reserved: 0 },
    });
    const credits = await (await server.app.request('/v1/credits', { headers: auth() })).json();
    expect(credits.data.token).toMatchObject({ remaining_credits: 10, used_credits: 0 });
    // It stays cancelled when the clock passes its planned end.
    await server.clock.advance(UNTIL_ANY_END_MS);
    expect((await getTask(server, t.id)).status).toBe('failed');
    const again = await admin(server, 'POST', `/tasks/${t.id}/cancel`);
    expect(again.status).toBe(409);
  });

  test('cancelling a pending task leaves progress at 0', async () => {
    server = manualServer();
    const t = await createTask(server);
    await admin(server, 'POST', `/tasks/${t.id}/cancel`);
    expect(await getTask(server, t.id)).toMatchObject({ status: 'failed', progress: 0 });
  });
});

describe('admin: clock', () => {
  test('POST /__mock/clock/advance moves a manual clock', async () => {
    server = manualServer();
    expect(await (await admin(server, 'GET', '/clock')).json()).toMatchObject({ mode: 'manual', now: START });
    const res = await admin(server, 'POST', '/clock/advance', { ms: 1500 });
    expect(await res.json()).toMatchObject({
      mode: 'manual',
      now: START + 1500,
      iso: '2025-01-01T12:00:01.500Z',
    });
    expect(server.clock.now()).toBe(START + 1500);
  });

  test.each([[{}], [{ ms: -1 }], [{ ms: 1.5 }], [{ ms: '10' }]])(
    'advance with %j answers 400',
    async (body) => {
      server = manualServer();
      const res = await admin(server, 'POST', '/clock/advance', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.param).toBe('ms');
    },
  );

  test('a real clock cannot be advanced (409)', async () => {
    server = createMockServer();
    const res = await admin(server, 'POST', '/clock/advance', { ms: 10 });
    expect(res.status).toBe(409);
  });

  test('POST /__mock/clock/set takes ms or an ISO date; back before the newest task answers 409', async () => {
    server = manualServer();
    const iso = await admin(server, 'POST', '/clock/set', { at: '2025-01-01T13:00:00Z' });
    expect(iso.status).toBe(200);
    expect(await iso.json()).toMatchObject({
      mode: 'manual',
      now: START + 3_600_000,
      factor: 1,
      paused: false,
    });
    const task = await createTask(server);
    expect(await (await admin(server, 'POST', '/clock/set', { at: START + 3_600_000 })).json()).toMatchObject(
      {
        now: START + 3_600_000,
      },
    );
    const back = await admin(server, 'POST', '/clock/set', { at: START });
    expect(back.status).toBe(409);
    expect((await back.json()).error.message).toContain(
      `task ${task.id} was created at 2025-01-01T13:00:00.000Z`,
    );
  });

  test.each([[{}], [{ at: -1 }], [{ at: 'noon' }], [{ at: true }]])(
    'set with %j answers 400',
    async (body) => {
      server = manualServer();
      const res = await admin(server, 'POST', '/clock/set', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.param).toBe('at');
    },
  );

  test('scale, pause, resume and reset a real clock; GET /__mock/clock shows factor and paused', async () => {
    server = createMockServer();
    expect(await (await admin(server, 'POST', '/clock/scale', { factor: 60 })).json()).toMatchObject({
      mode: 'real',
      factor: 60,
      paused: false,
    });
    const paused = await (await admin(server, 'POST', '/clock/pause')).json();
    expect(paused).toMatchObject({ factor: 60, paused: true });
    expect(await (await admin(server, 'POST', '/clock/pause')).json()).toEqual(paused);
    expect(await (await admin(server, 'GET', '/clock')).json()).toEqual(paused);
    expect(await (await admin(server, 'POST', '/clock/resume')).json()).toMatchObject({
      paused: false,
      factor: 60,
    });
    expect(await (await admin(server, 'POST', '/clock/reset')).json()).toMatchObject({
      factor: 1,
      paused: false,
    });
  });

  test("the spec's factor bound is the core's", () => {
    const schemas = adminSpec.components?.schemas as Record<
      string,
      { properties: Record<string, { maximum?: number }> }
    >;
    expect(schemas.ClockScaleRequest?.properties.factor?.maximum).toBe(MAX_CLOCK_FACTOR);
    expect(schemas.ClockState?.properties.factor?.maximum).toBe(MAX_CLOCK_FACTOR);
  });

  test.each([[{}], [{ factor: 0 }], [{ factor: 1001 }], [{ factor: '2' }]])(
    'scale with %j answers 400',
    async (body) => {
      server = createMockServer();
      const res = await admin(server, 'POST', '/clock/scale', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.param).toBe('factor');
    },
  );

  test.each([
    ['/clock/scale', { factor: 2 }],
    ['/clock/pause', undefined],
    ['/clock/resume', undefined],
  ])('a manual clock answers 409 to %s', async (path, body) => {
    server = manualServer();
    const res = await admin(server, 'POST', path, body);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('A manual clock moves only when told');
  });

  test('POST /__mock/clock/reset puts a manual clock back at its start, not before the newest task (409)', async () => {
    server = manualServer();
    await server.clock.advance(5000);
    expect(await (await admin(server, 'POST', '/clock/reset')).json()).toMatchObject({ now: START });
    await server.clock.advance(5000);
    await createTask(server);
    expect((await admin(server, 'POST', '/clock/reset')).status).toBe(409);
  });
});

describe('admin: faults', () => {
  test("an injected answer carries x-mock-fault: injected; the mock's own errors do not", async () => {
    server = manualServer({ rateLimit: 1 });
    await server.faults.add({ status: 503 });
    const injected = await server.app.request('/v1/credits', { headers: auth() });
    expect(injected.status).toBe(503);
    expect(injected.headers.get('x-mock-fault')).toBe('injected');
    const unauthorized = await server.app.request('/v1/credits');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('x-mock-fault')).toBeNull();
    expect((await server.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
    const limited = await server.app.request('/v1/credits', { headers: auth() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-mock-fault')).toBeNull();
  });

  test('the next N requests answer the injected status with Retry-After; then requests pass again', async () => {
    server = manualServer();
    const res = await admin(server, 'POST', '/faults', { status: 503, count: 2, retryAfter: 3 });
    expect(res.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const r = await server.app.request('/v1/credits', { headers: auth() });
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('3');
      expect((await r.json()).error).toMatchObject({
        code: 'service_unavailable',
        type: 'service_unavailable_error',
      });
    }
    expect((await server.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
    expect((await (await admin(server, 'GET', '/faults')).json()).data).toEqual([]);
  });

  test.each([
    [429, 'rate_limit_exceeded', '1'],
    [500, 'internal_error', null],
    [502, 'upstream_error', '1'],
  ])('status %d answers %s', async (status, code, retryAfter) => {
    server = manualServer();
    await admin(server, 'POST', '/faults', { status });
    const r = await post(server);
    expect(r.status).toBe(status);
    expect(r.headers.get('retry-after')).toBe(retryAfter);
    expect(r.headers.get('x-mock-fault')).toBe('injected');
    expect((await r.json()).error.code).toBe(code);
    // A fault does not create a task.
    expect(await server.tasks.list()).toEqual([]);
  });

  test('a fault with a path applies only to matching requests; admin requests are never faulted', async () => {
    server = manualServer();
    await admin(server, 'POST', '/faults', { status: 500, path: '/v1/tasks/' });
    expect((await post(server)).status).toBe(200);
    expect((await admin(server, 'GET', '/tasks')).status).toBe(200);
    const t = (await server.tasks.list())[0]?.task.id;
    expect((await server.app.request(`/v1/tasks/${t}`, { headers: auth() })).status).toBe(500);
  });

  test('a delay-only fault answers normally, after the delay', async () => {
    server = manualServer();
    await admin(server, 'POST', '/faults', { delayMs: 5 });
    expect((await server.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
    expect(await server.faults.list()).toEqual([]);
  });

  test.each([
    // mock-admin.yaml: without a status, delayMs is required.
    [{}, 'delayMs'],
    [{ status: 404 }, 'status'],
    [{ status: 500, count: 0 }, 'count'],
    [{ status: 500, count: -2 }, 'count'],
    [{ delayMs: 1e9 }, 'delayMs'],
    [{ status: 500, path: 'v1' }, 'path'],
  ])('a fault %j answers 400 naming %s', async (body, param) => {
    server = manualServer();
    const res = await admin(server, 'POST', '/faults', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.param).toBe(param);
  });

  test('DELETE /__mock/faults drops them', async () => {
    server = manualServer();
    await admin(server, 'POST', '/faults', { status: 500, count: 5 });
    await admin(server, 'DELETE', '/faults');
    expect((await server.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
  });
});

describe('admin: rate limit', () => {
  test('the rate limit answers 429 with Retry-After per key, and refills with the clock', async () => {
    server = manualServer({ rateLimit: 2 });
    const credits = (key = 'sk-a') => server.app.request('/v1/credits', { headers: auth(key) });
    expect((await credits()).status).toBe(200);
    expect((await credits()).status).toBe(200);
    const limited = await credits();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await limited.json()).error).toMatchObject({
      code: 'rate_limit_exceeded',
      type: 'rate_limit_error',
    });
    expect((await credits('sk-b')).status).toBe(200);
    await server.clock.advance(500);
    expect((await credits()).status).toBe(200);
    expect((await credits()).status).toBe(429);
  });
});

describe('admin: credits, reset, config', () => {
  test("POST /__mock/credits sets a key's balance", async () => {
    server = manualServer();
    const res = await admin(server, 'POST', '/credits', { apiKey: 'sk-test-1', credits: 1.5 });
    expect((await res.json()).data.token.remaining_credits).toBe(1.5);
    expect((await post(server)).status).toBe(402);
    expect((await admin(server, 'POST', '/credits', { apiKey: 'x', credits: -1 })).status).toBe(400);
    expect((await admin(server, 'POST', '/credits', { credits: 1 })).status).toBe(400);
  });

  test('POST /__mock/reset forgets tasks, credits and faults, re-seeds, and keeps the time', async () => {
    server = manualServer({ credits: 10 });
    const first = await createTask(server);
    await server.clock.advance(1000);
    await admin(server, 'POST', '/faults', { status: 500, count: 9 });
    const res = await admin(server, 'POST', '/reset');
    // The clock back at its start too: the same ids at the same times again.
    expect(await res.json()).toEqual({ reset: true, now: START });
    expect(await server.tasks.list()).toEqual([]);
    expect(await server.faults.list()).toEqual([]);
    expect((await server.credits.get('sk-test-1')).data.token.remaining_credits).toBe(10);
    const again = await createTask(server);
    // Same seed, same random stream, same clock.
    expect(again.id).toBe(first.id);
  });

  test('GET /__mock lists the routes; GET /__mock/config shows the options', async () => {
    server = manualServer({ speed: 3 });
    const index = await (await admin(server, 'GET', '')).json();
    expect(index.routes.length).toBeGreaterThan(10);
    expect(await (await admin(server, 'GET', '/config')).json()).toMatchObject({
      clock: 'manual',
      speed: 3,
      seed: 'tests',
      webhookSecret: server.webhookSecret,
    });
  });

  test('an admin body over 1 MiB answers 413 in the envelope, declared or streamed, and changes nothing', async () => {
    server = manualServer();
    const big = JSON.stringify({ ms: 1000, pad: 'x'.repeat(1024 * 1024) });
    const streamed = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
    for (const body of [big, streamed()]) {
      const res = await server.app.request('/__mock/clock/advance', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        ...(typeof body === 'string' ? {} : { duplex: 'half' }),
      } as RequestInit);
      expect(res.status).toBe(413);
      expect((await res.json()).error).toMatchObject({
        code: 'request_too_large',
        type: 'request_too_large_error',
      });
    }
    expect(server.clock.now()).toBe(START);
    // Just under the limit is read.
    expect(
      (await admin(server, 'POST', '/clock/advance', { ms: 1000, pad: 'x'.repeat(1024 * 1024 - 40) })).status,
    ).toBe(200);
    expect(server.clock.now()).toBe(START + 1000);
  });

  test('admin: false removes /__mock/* (404)', async () => {
    server = manualServer({ admin: false });
    const res = await admin(server, 'GET', '/tasks');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    expect((await admin(server, 'POST', '/reset')).status).toBe(404);
  });

  test('an admin token guards /__mock/* (Bearer or x-admin-token), not the API', async () => {
    server = manualServer({ adminToken: 'adm' });
    expect((await admin(server, 'GET', '/tasks')).status).toBe(401);
    expect((await admin(server, 'GET', '')).status).toBe(401);
    expect((await admin(server, 'GET', '/tasks', undefined, { authorization: 'Bearer nope' })).status).toBe(
      401,
    );
    expect((await admin(server, 'GET', '/tasks', undefined, { authorization: 'Bearer adm' })).status).toBe(
      200,
    );
    expect((await admin(server, 'GET', '/tasks', undefined, { 'x-admin-token': 'adm' })).status).toBe(200);
    expect((await server.app.request('/v1/credits', { headers: auth() })).status).toBe(200);
  });
});
