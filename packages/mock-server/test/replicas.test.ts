// Two mocks on one Redis (and on a Redis Cluster, and Valkey when installed) answer as one: tasks, the manual
// clock, faults, credits and deliveries are shared; a scheduled callback is sent once, by whichever replica
// claims it; Redis down is a 503, never a hang.
import { type CallbackReceiver, START, startRedisServer, UNTIL_ANY_END_MS } from '@videotask/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMockServer, type ServeOptions, serveMockServer } from '../src/node/index.js';
import { describeOnTargets, type ReplicaTargets, startReplicaTargets } from './redis-targets.js';

let targets: ReplicaTargets;
let receiver: CallbackReceiver;
let prefixes = 0;
const running: RunningMockServer[] = [];

beforeAll(async () => {
  targets = await startReplicaTargets();
  receiver = targets.receiver;
}, 60_000);
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});
afterAll(async () => {
  await targets?.stop();
});

/** Two replicas on their own prefix of the shared Redis. */
async function replicas(options: ServeOptions, url: string) {
  const storePrefix = `replicas-http${prefixes++}:`;
  const start = () =>
    serveMockServer({
      port: 0,
      storeUrl: url,
      storePrefix,
      clock: 'manual',
      startTime: START,
      allowLocalCallbacks: true,
      ...options,
    });
  const a = await start();
  const b = await start();
  running.push(a, b);
  return [a, b] as const;
}

async function call(on: RunningMockServer, method: string, path: string, body?: unknown) {
  const response = await fetch(`${on.url}${path}`, {
    method,
    headers: { authorization: 'Bearer sk-replicas', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the tests read fields of JSON answers the spec describes
  return { status: response.status, headers: response.headers, json: (await response.json()) as any };
}

const CREATE = { model: 'sora-2', prompt: 'two replicas', duration: 10 };

/** The replicas' tests on the Redis at `url()`. */
function describeReplicas(title: string, url: () => string) {
  describe(title, () => {
    test('create on A, read on B; advancing the clock on A moves the time B answers with', async () => {
      const [a, b] = await replicas({}, url());
      const created = await call(a, 'POST', '/v1/videos/generations', CREATE);
      expect(created.status).toBe(200);
      const onB = await call(b, 'GET', `/v1/tasks/${created.json.id}`);
      expect(onB.status).toBe(200);
      expect(onB.json.status).toBe('pending');
      await call(a, 'POST', '/__mock/clock/advance', { ms: UNTIL_ANY_END_MS });
      expect((await call(b, 'GET', '/__mock/clock')).json.now).toBe(START + UNTIL_ANY_END_MS);
      expect((await call(b, 'GET', `/v1/tasks/${created.json.id}`)).json.status).toBe('completed');
      const credits = await call(b, 'GET', '/v1/credits');
      expect(credits.json.data.user.used_credits).toBeGreaterThan(0);
    });

    test('a manual clock set on A, forward or back, is the time B answers with', async () => {
      const [a, b] = await replicas({}, url());
      await call(a, 'POST', '/__mock/clock/set', { at: START + 3_600_000 });
      expect((await call(b, 'GET', '/__mock/clock')).json.now).toBe(START + 3_600_000);
      await call(a, 'POST', '/__mock/clock/set', { at: START + 60_000 });
      expect((await call(b, 'GET', '/__mock/clock')).json.now).toBe(START + 60_000);
      const created = await call(b, 'POST', '/v1/videos/generations', CREATE);
      // B's task is the newest for A too: A may not set the clock back before it.
      expect((await call(a, 'POST', '/__mock/clock/set', { at: START })).status).toBe(409);
      await call(b, 'POST', '/__mock/clock/advance', { ms: UNTIL_ANY_END_MS });
      expect((await call(a, 'GET', `/v1/tasks/${created.json.id}`)).json.status).toBe('completed');
    });

    test('a real clock set, scaled and paused on A is the clock B answers with', async () => {
      const [a, b] = await replicas({ clock: 'real' }, url());
      const at = Date.UTC(2030, 0, 1);
      await call(a, 'POST', '/__mock/clock/set', { at });
      await call(a, 'POST', '/__mock/clock/scale', { factor: 50 });
      const paused = (await call(a, 'POST', '/__mock/clock/pause')).json;
      expect(paused).toMatchObject({ mode: 'real', factor: 50, paused: true });
      expect(paused.now).toBeGreaterThanOrEqual(at);
      // Paused: both stand at the same instant, however long the requests take.
      expect((await call(b, 'GET', '/__mock/clock')).json).toEqual(paused);
      const resumed = (await call(b, 'POST', '/__mock/clock/resume')).json;
      expect(resumed).toMatchObject({ factor: 50, paused: false });
      expect((await call(a, 'GET', '/__mock/clock')).json).toMatchObject({ factor: 50, paused: false });
      await call(b, 'POST', '/__mock/clock/reset');
      expect((await call(a, 'GET', '/__mock/clock')).json).toMatchObject({ factor: 1, paused: false });
    });

    test('a fault injected on A is served by whichever replica takes the next request', async () => {
      const [a, b] = await replicas({}, url());
      expect((await call(a, 'POST', '/__mock/faults', { status: 503, path: '/v1/credits' })).status).toBe(
        201,
      );
      const faulted = await call(b, 'GET', '/v1/credits');
      expect(faulted.status).toBe(503);
      expect(faulted.headers.get('x-mock-fault')).toBe('injected');
      expect((await call(a, 'GET', '/v1/credits')).status).toBe(200);
    });

    test('every callback is sent once, whichever replica created the task or moves the clock; the log is shared', async () => {
      const [a, b] = await replicas({}, url());
      const path = `/once-${prefixes}`;
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const created = await call(i % 2 ? a : b, 'POST', '/v1/videos/generations', {
          ...CREATE,
          callback_url: `${receiver.url}${path}`,
        });
        ids.push(created.json.id);
      }
      await call(b, 'POST', '/__mock/clock/advance', { ms: UNTIL_ANY_END_MS });
      const arrivals = await receiver.waitFor(path, 6);
      expect(arrivals.map((x) => JSON.parse(x.rawBody).id).sort()).toEqual([...ids].sort());
      expect(new Set(arrivals.map((x) => x.headers['webhook-id'])).size).toBe(6);
      const log = (await call(a, 'GET', '/__mock/deliveries')).json;
      expect(log.data).toHaveLength(6);
    });

    test('with the real clock, a replica sends the callbacks another replica scheduled and then left', async () => {
      const [a, b] = await replicas({ clock: 'real', speed: 200 }, url());
      const path = `/left-${prefixes}`;
      for (let i = 0; i < 3; i++) {
        await call(a, 'POST', '/v1/videos/generations', {
          ...CREATE,
          callback_url: `${receiver.url}${path}`,
        });
      }
      // A stops before its tasks end: no local timer anywhere knows their jobs; B finds them in Redis.
      await a.close();
      const arrivals = await receiver.waitFor(path, 3, 20_000);
      expect(arrivals).toHaveLength(3);
      expect((await call(b, 'GET', '/__mock/deliveries')).json.data).toHaveLength(3);
    }, 30_000);
  });
}

describeOnTargets(() => targets, describeReplicas, {
  single: 'two replicas on one Redis',
  cluster: 'two replicas on a three-master Redis Cluster',
  valkey: 'two replicas on a three-master cluster',
});

describe('Redis down', () => {
  test('the API answers 503 service_unavailable with Retry-After at once, and serves again once Redis is back', async () => {
    const own = await startRedisServer();
    try {
      const [a] = await replicas({}, own.url);
      expect((await call(a, 'GET', '/v1/credits')).status).toBe(200);
      // A dashboard page listening: its watcher reads the store a few times a second, Redis down or not.
      const events = await fetch(`${a.url}/__mock/ui/events`);
      expect(events.status).toBe(200);
      await own.kill();
      for (const [method, path, body] of [
        ['GET', '/v1/credits'],
        ['POST', '/v1/videos/generations', CREATE],
        ['GET', '/v1/tasks/task-unified-1735732800-00000000'],
        ['POST', '/__mock/clock/advance', { ms: 1000 }],
      ] as const) {
        const started = performance.now();
        const answer = await call(a, method, path, body);
        expect(performance.now() - started).toBeLessThan(5000);
        expect(answer.status, `${method} ${path}`).toBe(503);
        expect(answer.json.error).toMatchObject({
          code: 'service_unavailable',
          type: 'service_unavailable_error',
        });
        expect(answer.headers.get('retry-after')).toBe('1');
      }
      // A page connecting now gets its stream ended, not a crashed server.
      await (await fetch(`${a.url}/__mock/ui/events`)).body?.cancel();
      await own.restart();
      // The client reconnects on its own (backoff at most 1 s): wait for that, not for a fixed time.
      await expect
        .poll(async () => (await call(a, 'GET', '/v1/credits')).status, { timeout: 15_000, interval: 100 })
        .toBe(200);
      await events.body?.cancel();
    } finally {
      await own.stop();
    }
  });
});
