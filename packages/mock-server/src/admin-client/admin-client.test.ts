import { readdirSync, readFileSync } from 'node:fs';
import { adminExample } from '@videotask/spec';
import { afterEach, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '../index.js';
import { createMockAdminClient, MockAdminError } from './index.js';

const START = Date.UTC(2025, 0, 1, 12);
const HOOK = 'https://receiver.example/hooks/video';
/** Long enough for any task to end. */
const UNTIL_ANY_END_MS = 10 * 60 * 1000;

let mock: MockServer;
afterEach(async () => {
  await mock?.close();
});

/** An in-process mock on a manual clock whose callbacks land in `received`, and a client of it. */
function setup(options: MockServerOptions = {}) {
  const received: { url: string; body: string }[] = [];
  mock = createMockServer({
    clock: 'manual',
    startTime: START,
    seed: 'admin-client',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      received.push({ url: request.url, body: await request.text() });
      return new Response(null, { status: 204 });
    },
    ...options,
  });
  const admin = createMockAdminClient({ baseUrl: 'http://mock.local', fetch: mock.fetch });
  return { admin, received };
}

async function createTask(body: Record<string, unknown> = {}, key = 'sk-test-1') {
  const res = await mock.fetch('/v1/videos/generations', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano', ...body }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

/** Runs `call` and returns what it threw, failing when it did not throw a MockAdminError. */
async function adminError(call: Promise<unknown>): Promise<MockAdminError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MockAdminError);
  return error as MockAdminError;
}

describe('createMockAdminClient against the in-process mock', () => {
  test('advanceClock moves the manual clock; clock() reads it', async () => {
    const { admin } = setup();
    expect(await admin.advanceClock(1500)).toEqual({
      mode: 'manual',
      now: START + 1500,
      iso: '2025-01-01T12:00:01.500Z',
    });
    expect((await admin.clock()).now).toBe(START + 1500);
    expect(mock.clock.now()).toBe(START + 1500);
  });

  test('setClock takes ms, ISO or a Date; resetClock goes back; a refusal throws with the 409', async () => {
    const { admin } = setup();
    expect(await admin.setClock(new Date(START + 60_000))).toMatchObject({ now: START + 60_000, factor: 1 });
    expect(await admin.setClock('2025-01-01T12:02:00Z')).toMatchObject({ now: START + 120_000 });
    expect(await admin.resetClock()).toMatchObject({ now: START });
    await admin.setClock(START + 1000);
    await createTask();
    const error = await adminError(admin.setClock(START));
    expect(error).toMatchObject({ status: 409, code: 'conflict' });
    expect((await adminError(admin.scaleClock(2))).status).toBe(409);
  });

  test('scaleClock, pauseClock and resumeClock drive a real clock', async () => {
    const { admin } = setup({ clock: 'real' });
    expect(await admin.scaleClock(30)).toMatchObject({ mode: 'real', factor: 30, paused: false });
    expect(await admin.pauseClock()).toMatchObject({ factor: 30, paused: true });
    expect(await admin.resumeClock()).toMatchObject({ factor: 30, paused: false });
    expect((await adminError(admin.scaleClock(0))).param).toBe('factor');
  });

  test('tasks(filter) lists newest first, by status, key and limit', async () => {
    const { admin } = setup();
    const a = await createTask();
    const b = await createTask({}, 'sk-other');
    expect((await admin.tasks()).map((t) => t.task.id)).toEqual([b, a]);
    expect((await admin.tasks({ apiKey: 'sk-other' })).map((t) => t.task.id)).toEqual([b]);
    expect((await admin.tasks({ limit: 1 })).map((t) => t.task.id)).toEqual([b]);
    expect(await admin.tasks({ status: 'completed' })).toEqual([]);
    await admin.advanceClock(UNTIL_ANY_END_MS);
    expect((await admin.tasks({ status: 'completed' })).map((t) => t.task.id)).toEqual([b, a]);
    expect(await admin.task(a)).toMatchObject({ apiKey: 'sk-test-1', settled: true, task: { id: a } });
  });

  test('an error answer throws with the API message, code, status and param', async () => {
    const { admin } = setup();
    const error = await adminError(admin.tasks({ limit: 0 }));
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', param: 'limit' });
    expect(error.message).toBe('tasks: limit must be at least 1');
    const missing = await adminError(admin.task('task-unified-1-aaaaaaaa'));
    expect(missing).toMatchObject({ status: 404, code: 'task_not_found', type: 'invalid_request_error' });
  });

  test('cancel ends a running task; a second cancel is a 409 conflict', async () => {
    const { admin } = setup({ credits: 10 });
    const id = await createTask();
    const cancelled = await admin.cancel(id);
    expect(cancelled).toMatchObject({ cancelled: true, task: { status: 'failed' } });
    const again = await adminError(admin.cancel(id));
    expect(again).toMatchObject({ status: 409, code: 'conflict' });
    expect(again.message).toContain('has already ended');
  });

  test('deliveries(taskId) lists the callback attempts; redeliver sends one again, altered', async () => {
    const { admin, received } = setup();
    const id = await createTask({ callback_url: HOOK });
    const other = await createTask({ callback_url: HOOK });
    // A task that has not ended cannot be redelivered.
    expect(await adminError(admin.redeliver(id))).toMatchObject({ status: 409, code: 'conflict' });
    await admin.advanceClock(UNTIL_ANY_END_MS);
    expect(await admin.deliveriesIdle(1000)).toBe(true);
    expect(await admin.deliveries(id)).toMatchObject([{ taskId: id, attempt: 1, outcome: 'delivered' }]);
    expect((await admin.deliveries()).map((d) => d.taskId).sort()).toEqual([id, other].sort());
    const accepted = await admin.redeliver(id, 'bad-signature');
    expect(accepted).toMatchObject({ taskId: id, mutate: 'bad-signature', url: HOOK });
    await admin.deliveriesIdle();
    const attempts = await admin.deliveries(id);
    expect(attempts.map((d) => d.mutate)).toEqual([null, 'bad-signature']);
    expect(attempts[1]?.webhookId).toBe(accepted.webhookId);
    expect(received.length).toBe(3);
    const elsewhere = await admin.redeliver(id, 'none', 'https://elsewhere.example/hook');
    expect(elsewhere.url).toBe('https://elsewhere.example/hook');
  });

  test('injectFault makes the next request fail; faults() and clearFaults() manage them', async () => {
    const { admin } = setup();
    const fault = await admin.injectFault({ status: 503, count: 2, retryAfter: 3 });
    expect(fault).toMatchObject({ id: 1, status: 503, count: 2, remaining: 2 });
    const credits = () => mock.fetch('/v1/credits', { headers: { authorization: 'Bearer sk-test-1' } });
    const failed = await credits();
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('3');
    expect(await admin.faults()).toMatchObject([{ id: 1, remaining: 1 }]);
    await admin.clearFaults();
    expect(await admin.faults()).toEqual([]);
    expect((await credits()).status).toBe(200);
    const refused = await adminError(admin.injectFault({ status: 404 as 500 }));
    expect(refused).toMatchObject({ status: 400, param: 'status' });
  });

  test("setCredits sets a key's balance, so the next create answers 402", async () => {
    const { admin } = setup();
    const balance = await admin.setCredits('sk-test-1', 1.5);
    expect(balance.data.token.remaining_credits).toBe(1.5);
    const res = await mock.fetch('/v1/videos/generations', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test-1', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'x' }),
    });
    expect(res.status).toBe(402);
  });

  test('a balance beyond the bound is refused in the envelope, and the bound itself reads back exactly', async () => {
    const { admin } = setup();
    // Kept as UC, 1e306 credits overflowed to Infinity and GET /v1/credits answered null.
    const refused = await adminError(admin.setCredits('sk-test-1', 1e306));
    expect(refused).toMatchObject({ status: 400, param: 'credits' });
    const max = 100_000_000_000;
    expect((await admin.setCredits('sk-test-1', max)).data.token.remaining_credits).toBe(max);
    const res = await mock.fetch('/v1/credits', { headers: { authorization: 'Bearer sk-test-1' } });
    expect(
      ((await res.json()) as { data: { token: { remaining_credits: number } } }).data.token.remaining_credits,
    ).toBe(max);
    expect(() => createMockServer({ credits: 1e306 })).toThrow(/credits must be from 0 to 100000000000/);
  });

  test('setModelState retires a model, so its create answers 403; models() lists the states', async () => {
    const { admin } = setup();
    expect(await admin.setModelState('sora-2', 'retired')).toMatchObject({
      model_id: 'sora-2',
      state: 'retired',
    });
    expect((await admin.models()).find((m) => m.model_id === 'sora-2')?.state).toBe('retired');
    const res = await mock.fetch('/v1/videos/generations', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test-1', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'x' }),
    });
    expect(res.status).toBe(403);
    expect(await admin.setModelState('sora-2', null)).toMatchObject({ state: 'available' });
    const refused = await adminError(admin.setModelState('sora-3', 'retired'));
    expect(refused).toMatchObject({ status: 404, param: 'model' });
  });

  test('reset forgets the tasks and puts the clock back at its start; config() shows the options', async () => {
    const { admin } = setup();
    await createTask();
    await admin.advanceClock(1000);
    expect(await admin.reset()).toEqual({ reset: true, now: START });
    expect(await admin.tasks()).toEqual([]);
    expect(await admin.config()).toMatchObject({ clock: 'manual', seed: 'admin-client' });
  });

  test('raw is the openapi-fetch client, typed for every admin route', async () => {
    const { admin } = setup();
    const { data } = await admin.raw.GET('/__mock/clock');
    const mode: 'real' | 'manual' | undefined = data?.mode;
    expect(mode).toBe('manual');
    /** Never called: lines tsc must reject, so the client's types cannot decay to `any`. */
    const typeOnly = () => {
      // @ts-expect-error no such admin route
      admin.raw.GET('/__mock/nope');
      // @ts-expect-error ms is a number
      admin.raw.POST('/__mock/clock/advance', { body: { ms: '10' } });
      // @ts-expect-error not a mutation the mock knows
      admin.redeliver('x', 'sideways');
    };
    expect(typeof typeOnly).toBe('function');
  });

  test('with an admin token: sent as a bearer token; without it the API answers 401', async () => {
    setup({ adminToken: 'adm' });
    const withToken = createMockAdminClient({
      baseUrl: 'http://mock.local',
      adminToken: 'adm',
      fetch: mock.fetch,
    });
    expect(await withToken.tasks()).toEqual([]);
    const without = createMockAdminClient({ baseUrl: 'http://mock.local/', fetch: mock.fetch });
    expect(await adminError(without.reset())).toMatchObject({ status: 401, code: 'unauthorized' });
  });
});

describe('createMockAdminClient requests', () => {
  /** A client whose fetch records each request and answers `answer`. */
  function recording(answer: () => Response) {
    const requests: { method: string; url: string; body: string; auth: string | null }[] = [];
    const admin = createMockAdminClient({
      baseUrl: 'http://127.0.0.1:4010',
      adminToken: 't0k',
      fetch: async (request) => {
        requests.push({
          method: request.method,
          url: request.url,
          body: await request.text(),
          auth: request.headers.get('authorization'),
        });
        return answer();
      },
    });
    return { admin, requests };
  }

  test('seed posts the count (and the rest of the request) to /__mock/seed and answers the tasks', async () => {
    const result = adminExample('SeedResult');
    const { admin, requests } = recording(() => Response.json(result, { status: 201 }));
    expect(await admin.seed(3)).toEqual(result.data);
    expect(await admin.seed({ count: 2, statuses: ['completed', 'failed'], apiKey: 'sk-a' })).toEqual(
      result.data,
    );
    expect(requests).toEqual([
      { method: 'POST', url: 'http://127.0.0.1:4010/__mock/seed', body: '{"count":3}', auth: 'Bearer t0k' },
      {
        method: 'POST',
        url: 'http://127.0.0.1:4010/__mock/seed',
        body: '{"count":2,"statuses":["completed","failed"],"apiKey":"sk-a"}',
        auth: 'Bearer t0k',
      },
    ]);
  });

  test('an answer that is not the envelope still throws, with the status', async () => {
    const { admin } = recording(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await adminError(admin.reset());
    expect(error).toMatchObject({ status: 502, code: undefined });
    expect(error.message).toBe('reset: the mock answered HTTP 502');
  });
});

test('the admin client uses Web APIs only: it imports nothing but openapi-fetch and the spec types', () => {
  const dir = new URL('./', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  expect(sources.sort()).toEqual(['errors.ts', 'index.ts']);
  const imports = sources.flatMap((file) =>
    [...readFileSync(new URL(file, dir), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]),
  );
  expect(imports.filter((s) => !s?.startsWith('./')).sort()).toEqual([
    '@videotask/spec/admin-types',
    '@videotask/spec/admin-types',
    'openapi-fetch',
  ]);
  expect(sources.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n')).not.toMatch(
    /\b(process\.|Buffer\b|require\()/,
  );
});
