// Two stores on one Redis behave as two replicas: atomic rules under concurrency, a shared secret, Redis down and back.
import { type RedisServer, startRedisServer } from '@videotask/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { task as suiteTask } from '../../../test/store-suite.js';
import { StoreUnavailableError } from '../../store/store.js';
import { RedisStore } from './store.js';

const T0 = Date.UTC(2025, 0, 1, 12);
const SETTINGS = { maxTasks: 1000, startingUc: 10_000, retentionMs: 24 * 60 * 60 * 1000 };

let redis: RedisServer;
let prefixes = 0;
const open: RedisStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await redis.stop();
});

/** Two replicas' stores on one prefix. */
async function replicas(options: Partial<Parameters<typeof RedisStore.connect>[0]> = {}) {
  const prefix = `replicas${prefixes++}:`;
  const make = () => RedisStore.connect({ url: redis.url, prefix, ...SETTINGS, ...options });
  const [a, b] = await Promise.all([make(), make()]);
  open.push(a, b);
  return [a, b] as const;
}

/** A plain task of sk-a (the shared suite's task). */
const task = (idempotencyKey: string | null, priceUc = 3737) =>
  suiteTask({ idempotencyKey, priceUc, fingerprint: idempotencyKey && 'same-body' });

describe('two replicas on one Redis', () => {
  test('concurrent creates with one Idempotency-Key make one task, billed once', async () => {
    const [a, b] = await replicas();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).insertTask(task('shared-key'), T0)),
    );
    const created = outcomes.filter((o) => o.kind === 'created');
    expect(created).toHaveLength(1);
    const id = created[0]?.kind === 'created' ? created[0].task.id : '';
    expect(outcomes.every((o) => o.kind === 'created' || (o.kind === 'replayed' && o.task.id === id))).toBe(
      true,
    );
    expect((await a.listTasks(T0)).map((t) => t.id)).toEqual([id]);
    expect((await b.account('sk-a', T0)).remaining).toBe(10_000 - 3737);
  });

  test('concurrent creates that spend the last credits never drive the balance below zero', async () => {
    const [a, b] = await replicas();
    await a.setRemaining('sk-a', 10_000, T0);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).insertTask(task(null, 1000), T0)),
    );
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === 'insufficient')).toHaveLength(20);
    expect(await b.account('sk-a', T0)).toEqual({ remaining: 0, used: 0 });
  });

  test('the webhook secret is kept in Redis: the first replica stores it, a differing one is refused', async () => {
    const [a, b] = await replicas();
    expect(await a.sharedSecret(undefined, 'whsec_first')).toBe('whsec_first');
    expect(await b.sharedSecret(undefined, 'whsec_other')).toBe('whsec_first');
    expect(await b.sharedSecret('whsec_first', 'whsec_x')).toBe('whsec_first');
    await expect(b.sharedSecret('whsec_different', 'whsec_x')).rejects.toThrow(
      'differs from the one the other replicas use',
    );
  });

  test('a job claimed by a replica that died is claimed by another once the lease has run out', async () => {
    const [a, b] = await replicas();
    await a.scheduleCallback({ id: 'task:x', at: T0, taskId: 'x' });
    expect((await a.claimDueCallbacks(T0, 'a', 30_000)).map((j) => j.id)).toEqual(['task:x']);
    await a.close();
    expect(await b.claimDueCallbacks(T0 + 29_999, 'b', 30_000)).toEqual([]);
    expect((await b.claimDueCallbacks(T0 + 30_000, 'b', 30_000)).map((j) => j.id)).toEqual(['task:x']);
  });
});

describe('Redis down', () => {
  test('an unreachable Redis at connect is a one-line error', async () => {
    const error = await RedisStore.connect({ url: 'redis://127.0.0.1:1', ...SETTINGS }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).name).toBe('StoreUnavailableError');
    expect(String((error as Error).message)).toMatch(
      /^Redis at redis:\/\/127\.0\.0\.1:1 cannot be reached \(.+\)$/,
    );
  });

  test('calls fail fast with StoreUnavailableError while Redis is down, and work again once it is back', async () => {
    const own = await startRedisServer();
    const store = await RedisStore.connect({ url: own.url, ...SETTINGS, commandTimeoutMs: 1000 });
    try {
      await store.insertTask(task(null), T0);
      await own.kill();
      await expect(store.account('sk-a', T0)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.getTask('task-unified-1-00000000', T0)).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await own.restart();
      // The client reconnects on its own (backoff at most 1 s); the restarted Redis is empty (no persistence).
      await expect
        .poll(() => store.account('sk-a', T0).catch(() => undefined), { timeout: 15_000, interval: 100 })
        .toEqual({ remaining: 10_000, used: 0 });
    } finally {
      await store.close();
      await own.stop();
    }
  });
});
