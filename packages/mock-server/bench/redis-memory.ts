// Redis memory per task: INFO memory's used_memory before and after creating tasks through the mock on the Redis store.
import { createClient } from '@redis/client';
import { createMockServer } from '../src/index.js';
import { withStore } from '../src/node/store.js';

export interface RedisMemoryRow {
  label: string;
  tasks: number;
  usedMB: number;
  bytesPerTask: number;
}

async function usedMemory(url: string): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  const info = await client.info('memory');
  await client.close();
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

async function measure(
  redisUrl: string,
  count: number,
  label: string,
  body: (i: number) => Record<string, unknown>,
  headers: (i: number) => Record<string, string>,
): Promise<RedisMemoryRow> {
  const prefix = `memory-${label.length}:`;
  const options = await withStore(
    { storeUrl: redisUrl, storePrefix: prefix },
    { clock: 'manual', credits: 1e12, seed: 'memory', maxTasks: count },
  );
  const mock = createMockServer(options);
  await mock.reset();
  const before = await usedMemory(redisUrl);
  for (let i = 0; i < count; i++) {
    const res = await mock.fetch('http://mock/v1/videos/generations', {
      method: 'POST',
      headers: { authorization: `Bearer sk-${i % 10}`, 'content-type': 'application/json', ...headers(i) },
      body: JSON.stringify({ model: 'sora-2', prompt: `A cat playing piano, take ${i}`, ...body(i) }),
    });
    if (res.status !== 200) throw new Error(`create ${i} answered ${res.status}: ${await res.text()}`);
  }
  const after = await usedMemory(redisUrl);
  await mock.reset();
  await mock.close();
  return {
    label,
    tasks: count,
    usedMB: (after - before) / 1024 / 1024,
    bytesPerTask: (after - before) / count,
  };
}

/** The same two kinds of task as the heap measurement (bench/memory.ts). */
export async function measureRedisMemory(redisUrl: string, count: number): Promise<RedisMemoryRow[]> {
  return [
    await measure(
      redisUrl,
      count,
      'plain tasks',
      () => ({}),
      () => ({}),
    ),
    await measure(
      redisUrl,
      count,
      'with callback_url and Idempotency-Key',
      (i) => ({ callback_url: `https://hooks.example.com/video/${i}`, duration: 15 }),
      (i) => ({ 'idempotency-key': `key-${i}-${'x'.repeat(24)}` }),
    ),
  ];
}
