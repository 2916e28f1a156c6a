// The Redis store's own rules beyond the shared suites: the task registry kept in step with the tenants
// (read raw, as docs/redis-keys.md lays it out), its description, a closed store, and the clear's prefix match.
import { type RedisServer, startRedisServer } from '@videotask/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { SUITE_SETTINGS, T0, task } from '../../../test/store-suite.js';
import { StoreUnavailableError } from '../../store/store.js';
import { RedisConnection } from './connection.js';
import { RedisKeys } from './keys.js';
import { RedisStore, redactUrl } from './store.js';

const DAY = SUITE_SETTINGS.retentionMs;

let redis: RedisServer;
let raw: RedisConnection;
let n = 0;
const open: RedisStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
  raw = new RedisConnection(redis.url);
  await raw.connect();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await raw.close();
  await redis.stop();
});

/** A store on a fresh prefix, with that prefix's key names. */
async function fresh(prefix = `reg${n++}:`): Promise<[RedisStore, RedisKeys]> {
  const store = await RedisStore.connect({ url: redis.url, prefix, ...SUITE_SETTINGS });
  open.push(store);
  return [store, new RedisKeys(prefix)];
}

/** The API key the registry names as the owner of task `id` (null: not registered). */
async function owner(keys: RedisKeys, id: string) {
  const owners = keys.registry[0] as string;
  return raw.send(owners, ['HGET', owners, id]);
}

describe('the task registry', () => {
  test('a create whose tenant script fails is refused as it failed, and its registration withdrawn', async () => {
    const [store, keys] = await fresh();
    const taskKey = keys.tenant('sk-broken')[1] as string;
    await raw.send(taskKey, ['SET', taskKey, 'not a hash']);
    const t = task({ apiKey: 'sk-broken' });
    await expect(store.insertTask(t, T0)).rejects.toThrow(/WRONGTYPE/);
    expect(await owner(keys, t.id)).toBeNull();
  });

  test('a task its tenant holds though the registry lost it (a create that timed out after it ran) is id_taken', async () => {
    const [store, keys] = await fresh();
    const t = task();
    await store.insertTask(t, T0);
    const owners = keys.registry[0] as string;
    await raw.send(owners, ['HDEL', owners, t.id]);
    expect(await store.insertTask(task({ id: t.id }), T0)).toEqual({ kind: 'id_taken' });
    expect(await owner(keys, t.id)).toBeNull();
    expect(await store.account('sk-a', T0)).toEqual({ remaining: 10_000 - 3737, used: 0 });
  });

  test('a created task is registered to its key; an evicted one is forgotten before the create answers', async () => {
    const [store, keys] = await fresh();
    const made = [];
    for (let i = 0; i <= SUITE_SETTINGS.maxTasks; i++) {
      const t = task({ apiKey: `sk-${i}` });
      made.push(t.id);
      await store.insertTask(t, T0);
    }
    expect(await owner(keys, made[1] as string)).toBe('sk-1');
    expect(await owner(keys, made[0] as string)).toBeNull();
    const order = keys.registry[1] as string;
    expect(await raw.send(order, ['ZCARD', order])).toBe(SUITE_SETTINGS.maxTasks);
  });

  test("a cancel moves the registration's expiry to the task's new end (a stuck task's: from never)", async () => {
    const [store, keys] = await fresh();
    const t = task({ endAt: Number.POSITIVE_INFINITY, outcome: 'stuck' });
    await store.insertTask(t, T0);
    const expires = keys.registry[2] as string;
    expect(await raw.send(expires, ['ZSCORE', expires, t.id])).toBeNull();
    await store.cancelTask(t.id, T0 + 5000);
    expect(await raw.send(expires, ['ZSCORE', expires, t.id])).toBe(T0 + 5000 + DAY);
    // Forgotten with the task: its id is free again, for any key.
    expect((await store.insertTask(task({ id: t.id, apiKey: 'sk-b' }), T0 + 5000 + DAY)).kind).toBe(
      'created',
    );
  });

  test('a fault or attempt taken between the two reads of a listing is left out', async () => {
    const [store, keys] = await fresh();
    const fault = await store.addFault({ status: 503 });
    await raw.send(keys.faults, ['ZADD', keys.faults, '99', '99']);
    expect((await store.listFaults()).map((f) => f.id)).toEqual([fault.id]);
    await raw.send(keys.attempts, ['ZADD', keys.attempts, '0', '0']);
    expect(await store.listAttempts({})).toEqual([]);
  });
});

describe('the store itself', () => {
  test('it is shared (other replicas write too) and describes itself without a password', async () => {
    const [store] = await fresh('described:');
    expect([store.shared, store.mayHaveFaults]).toEqual([true, true]);
    expect(store.description).toBe(`redis ${redis.url} (prefix described:)`);
    const secret = redis.url.replace('redis://', 'redis://default:hunter2@');
    const guarded = await RedisStore.connect({ url: secret, prefix: 'p:', ...SUITE_SETTINGS }).catch(
      (error: Error) => error,
    );
    expect(String(guarded instanceof RedisStore ? guarded.description : guarded.message)).not.toContain(
      'hunter2',
    );
    if (guarded instanceof RedisStore) await guarded.close();
  });

  test('a closed store refuses every call as unavailable', async () => {
    const [store] = await fresh();
    await store.close();
    await expect(store.account('sk-a', T0)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  test("clear matches its prefix literally: a prefix's glob characters match no other prefix's keys", async () => {
    const [globbed] = await fresh('glob*');
    const [other] = await fresh('globz:');
    await other.insertTask(task(), T0);
    await globbed.insertTask(task(), T0);
    await globbed.clear();
    expect(await globbed.listTasks(T0)).toEqual([]);
    expect((await other.listTasks(T0)).length).toBe(1);
  });
});

describe('redactUrl', () => {
  test.each([
    ['redis://default:hunter2@10.0.0.1:6379/2', 'redis://default:***@10.0.0.1:6379/2'],
    ['redis://10.0.0.1:6379', 'redis://10.0.0.1:6379'],
    ['redis://10.0.0.1:6379/', 'redis://10.0.0.1:6379'],
    ['rediss://user@h:6380', 'rediss://user@h:6380'],
    ['redis-cluster://admin:hunter2@h1:7000,h2:7001', 'redis-cluster://admin:***@h1:7000,h2:7001'],
    ['redis-cluster://h1:7000,h2:7001', 'redis-cluster://h1:7000,h2:7001'],
    ['not a url:hunter2@', 'not a url:hunter2@'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});
