// Redis memory per task: INFO memory's used_memory before and after creating tasks through the mock on the Redis store.
import { createClient } from '@redis/client';
import { MAX_CREDITS } from '../src/domain/prices.js';
import { createMockServer } from '../src/index.js';
import { withStore } from '../src/node/store.js';
import { createTasks, TASK_KINDS, type TaskShape } from './create-tasks.js';

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
  shape: TaskShape,
): Promise<RedisMemoryRow> {
  const options = await withStore(
    { storeUrl: redisUrl, storePrefix: `memory-${label.length}:` },
    { clock: 'manual', credits: MAX_CREDITS, seed: 'memory', maxTasks: count },
  );
  const mock = createMockServer(options);
  await mock.reset();
  const before = await usedMemory(redisUrl);
  await createTasks(mock, count, shape);
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

/** The same kinds of task as the heap measurement (bench/memory.ts). */
export async function measureRedisMemory(redisUrl: string, count: number): Promise<RedisMemoryRow[]> {
  const rows: RedisMemoryRow[] = [];
  for (const [label, shape] of TASK_KINDS) rows.push(await measure(redisUrl, count, label, shape));
  return rows;
}
