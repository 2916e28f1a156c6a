// The Redis store on a three-master Redis Cluster: the behaviour suites, atomic rules under concurrency
// from two replicas, tenants spread over the shards, and a script cache flushed mid-run.
import { type RedisCluster, startRedisCluster } from '@videotask/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { describeStoreRules } from '../../../test/store-rules-suite.js';
import { describeStore, SUITE_SETTINGS, task as suiteTask } from '../../../test/store-suite.js';
import { RedisStore } from './store.js';

const T0 = Date.UTC(2025, 0, 1, 12);
const SETTINGS = { maxTasks: 1000, startingUc: 10_000, retentionMs: 24 * 60 * 60 * 1000 };

let cluster: RedisCluster;
let n = 0;
const open: RedisStore[] = [];
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 60_000);
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await cluster.stop();
});

describeStore('redis cluster', () =>
  RedisStore.connect({ url: cluster.url, prefix: `suite${n++}:`, ...SUITE_SETTINGS }),
);
describeStoreRules('redis cluster', () =>
  RedisStore.connect({ url: cluster.url, prefix: `rules${n++}:`, ...SUITE_SETTINGS }),
);

async function replicas() {
  const prefix = `replicas${n++}:`;
  const make = () => RedisStore.connect({ url: cluster.url, prefix, ...SETTINGS });
  const [a, b] = await Promise.all([make(), make()]);
  open.push(a, b);
  return [a, b] as const;
}

/** A plain task of `apiKey` (the shared suite's task). */
const task = (apiKey: string, idempotencyKey: string | null, priceUc = 3737) =>
  suiteTask({ apiKey, idempotencyKey, priceUc, fingerprint: idempotencyKey && 'same-body' });

/** The number of keys each live master holds. */
async function keysPerMaster(): Promise<number[]> {
  const masters = await cluster.masterPorts();
  return Promise.all(masters.map(async (port) => Number(await cluster.command(port, 'DBSIZE'))));
}

describe('two replicas on one Redis Cluster', () => {
  test('concurrent creates with one Idempotency-Key make one task, billed once', async () => {
    const [a, b] = await replicas();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).insertTask(task('sk-a', 'shared-key'), T0)),
    );
    const created = outcomes.filter((o) => o.kind === 'created');
    expect(created).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'replayed')).toHaveLength(19);
    expect((await a.listTasks(T0)).length).toBe(1);
    expect((await b.account('sk-a', T0)).remaining).toBe(10_000 - 3737);
  });

  test('concurrent creates of many keys spend no key below zero, and the shards share the keys', async () => {
    const [a, b] = await replicas();
    const before = await keysPerMaster();
    const keys = Array.from({ length: 12 }, (_, i) => `sk-spread-${i}`);
    const outcomes = await Promise.all(
      keys.flatMap((key) =>
        Array.from({ length: 4 }, (_, i) => (i % 2 ? a : b).insertTask(task(key, null, 3000), T0)),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(36);
    expect(outcomes.filter((o) => o.kind === 'insufficient')).toHaveLength(12);
    for (const key of keys) expect(await a.account(key, T0)).toEqual({ remaining: 1000, used: 0 });
    expect((await b.listTasks(T0)).length).toBe(36);
    const grown = (await keysPerMaster()).map((count, i) => count - (before[i] ?? 0));
    expect(grown.filter((g) => g > 0).length).toBe(3);
  });

  test('the size bound holds across tenants: the oldest task goes, whoever owns it, with its credits back', async () => {
    const prefix = `bound${n++}:`;
    const store = await RedisStore.connect({ url: cluster.url, prefix, ...SETTINGS, maxTasks: 3 });
    open.push(store);
    expect(store.description).toBe(`redis cluster ${cluster.url} (prefix ${prefix})`);
    const made = [];
    for (const key of ['sk-x', 'sk-y', 'sk-z', 'sk-w']) {
      const t = task(key, null, 1000);
      made.push(t.id);
      await store.insertTask(t, T0);
    }
    expect((await store.listTasks(T0)).map((t) => t.id)).toEqual(made.slice(1));
    expect(await store.getTask(made[0] as string, T0)).toBeUndefined();
    expect((await store.account('sk-x', T0)).remaining).toBe(10_000);
  });

  test('a script cache flushed on every master mid-run: every call still answers', async () => {
    const [a, b] = await replicas();
    const masters = await cluster.masterPorts();
    const calls = Array.from({ length: 60 }, async (_, i) => {
      const store = i % 2 ? a : b;
      if (i % 10 === 5) await Promise.all(masters.map((port) => cluster.command(port, 'SCRIPT', 'FLUSH')));
      const key = `sk-flush-${i % 6}`;
      const outcome = await store.insertTask(task(key, null, 100), T0);
      expect(outcome.kind).toBe('created');
      return store.account(key, T0);
    });
    await Promise.all(calls);
    expect((await a.listTasks(T0)).length).toBe(60);
    for (let i = 0; i < 6; i++) expect((await b.account(`sk-flush-${i}`, T0)).remaining).toBe(9000);
  });
});
