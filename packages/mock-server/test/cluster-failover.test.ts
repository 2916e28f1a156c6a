// Two mocks on a Redis Cluster with a replica per master lose the master that holds the prefix's own slot
// mid-run (SIGKILL; its replica is promoted): the requests in the window get a clean 503 in the API's
// envelope, the mocks recover by themselves, and no task, credit or pending callback is lost.
import {
  type CallbackReceiver,
  type RedisCluster,
  START,
  startCallbackReceiver,
  startRedisCluster,
  UNTIL_ANY_END_MS,
} from '@videotask/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMockServer, serveMockServer } from '../src/node/index.js';

const PREFIX = 'failover:';
const KEYS = Array.from({ length: 6 }, (_, i) => `sk-failover-${i}`);
const CREDITS = 1000;

let cluster: RedisCluster;
let receiver: CallbackReceiver;
const mocks: RunningMockServer[] = [];

beforeAll(async () => {
  [cluster, receiver] = await Promise.all([startRedisCluster({ replicas: 1 }), startCallbackReceiver()]);
  for (let i = 0; i < 2; i++) {
    mocks.push(
      await serveMockServer({
        port: 0,
        storeUrl: cluster.url,
        storePrefix: PREFIX,
        clock: 'manual',
        startTime: START,
        credits: CREDITS,
        allowLocalCallbacks: true,
      }),
    );
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.close()));
  await Promise.all([cluster?.stop(), receiver?.close()]);
});

async function call(on: RunningMockServer, key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${on.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the tests read fields of JSON answers the spec describes
  return { status: response.status, headers: response.headers, json: (await response.json()) as any };
}

const create = (on: RunningMockServer, key: string) =>
  call(on, key, 'POST', '/v1/videos/generations', {
    model: 'sora-2',
    prompt: 'failover',
    duration: 10,
    callback_url: `${receiver.url}/failover`,
  });

/** Every master's replica has every write the master took (INFO replication offsets equal). */
async function replicasCaughtUp(): Promise<boolean> {
  for (const port of await cluster.masterPorts()) {
    const info = await cluster.command(port, 'INFO', 'replication');
    const offset = /master_repl_offset:(\d+)/.exec(info)?.[1];
    const replica = /slave0:.*offset=(\d+)/.exec(info)?.[1];
    if (replica !== undefined && replica !== offset) return false;
  }
  return true;
}

describe('a Redis Cluster that loses a master mid-run', () => {
  test('503 in the envelope during the failover, recovery on its own, nothing lost', async () => {
    const created = new Map<string, string>();
    const record = (key: string, answer: Awaited<ReturnType<typeof call>>) => {
      if (answer.status === 200 && typeof answer.json.id === 'string') created.set(answer.json.id, key);
      return answer;
    };
    for (const key of KEYS) for (const on of mocks) record(key, await create(on, key));
    expect(created.size).toBe(KEYS.length * 2);
    await expect.poll(replicasCaughtUp, { timeout: 10_000, interval: 50 }).toBe(true);

    // Load from both mocks while the master holding the prefix's own slot (every create's registry) dies.
    const unavailable: Awaited<ReturnType<typeof call>>[] = [];
    let loading = true;
    const load = mocks.map(async (on, m) => {
      for (let i = 0; loading; i++) {
        const key = KEYS[(i + m) % KEYS.length] as string;
        const answer = record(key, i % 2 ? await create(on, key) : await call(on, key, 'GET', '/v1/credits'));
        if (answer.status !== 200) unavailable.push(answer);
      }
    });
    const registry = `${PREFIX}{${PREFIX}}:owners`;
    const { killed, promoted } = await cluster.failOver({ key: registry });
    expect(await cluster.masterOf(registry)).toBe(promoted);
    // Recovered by itself: every key's credits and a create answer again on both mocks.
    await expect
      .poll(
        async () => {
          for (const on of mocks) if ((await create(on, KEYS[0] as string)).status !== 200) return false;
          return true;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    loading = false;
    await Promise.all(load);

    expect(killed).not.toBe(promoted);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.status).toBe(503);
      expect(answer.json.error).toMatchObject({
        code: 'service_unavailable',
        type: 'service_unavailable_error',
      });
      expect(answer.headers.get('retry-after')).toBe('1');
    }
    // No task lost: every task answered 200 reads back on both mocks; credits match the tasks kept.
    const probe = mocks[0] as RunningMockServer;
    for (const [id, key] of created)
      for (const on of mocks) expect((await call(on, key, 'GET', `/v1/tasks/${id}`)).status).toBe(200);
    // No credit lost: each key's balance is its start less the price of every task it has (none ended yet).
    for (const key of KEYS) {
      const tasks = (await call(probe, key, 'GET', `/__mock/tasks?api_key=${key}&limit=1000`)).json.data;
      const reserved = tasks.reduce((sum: number, t: { priceCredits: number }) => sum + t.priceCredits, 0);
      const credits = (await call(probe, key, 'GET', '/v1/credits')).json.data.user;
      expect(credits.used_credits).toBe(0);
      expect(credits.remaining_credits).toBeCloseTo(CREDITS - reserved, 6);
    }
    // No callback lost: every task's callback arrives once the clock passes their ends.
    await call(probe, KEYS[0] as string, 'POST', '/__mock/clock/advance', { ms: UNTIL_ANY_END_MS });
    const all = await call(probe, KEYS[0] as string, 'GET', '/__mock/tasks?limit=1000');
    const total = all.json.total ?? all.json.data.length;
    const arrivals = await receiver.waitFor('/failover', total, 30_000);
    const sent = new Set(arrivals.map((x) => JSON.parse(x.rawBody).id));
    for (const id of created.keys()) expect(sent.has(id)).toBe(true);
  }, 120_000);
});
