// Heap used by 100,000 tasks: heapUsed after GC, before and after creating them through the app.
import { createMockServer } from '../src/index.js';

declare const gc: () => void;

const COUNT = Number(process.env.BENCH_TASKS ?? 100_000);

async function measure(
  label: string,
  body: (i: number) => Record<string, unknown>,
  headers: (i: number) => Record<string, string>,
) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const mock = createMockServer({ clock: 'manual', credits: 1e12, seed: 'memory', maxTasks: COUNT });
  for (let i = 0; i < COUNT; i++) {
    const res = await mock.fetch('http://mock/v1/videos/generations', {
      method: 'POST',
      headers: { authorization: `Bearer sk-${i % 10}`, 'content-type': 'application/json', ...headers(i) },
      body: JSON.stringify({ model: 'sora-2', prompt: `A cat playing piano, take ${i}`, ...body(i) }),
    });
    if (res.status !== 200) throw new Error(`create ${i} answered ${res.status}: ${await res.text()}`);
  }
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  const tasks = (await mock.tasks.list()).length;
  if (tasks !== COUNT) throw new Error(`expected ${COUNT} tasks, found ${tasks}`);
  const result = {
    label,
    tasks,
    heapUsedMB: (after - before) / 1024 / 1024,
    bytesPerTask: (after - before) / COUNT,
  };
  await mock.close();
  return result;
}

// Compile the shared validators and warm the code paths first, outside the measurement.
const warm = createMockServer({ clock: 'manual' });
await warm.fetch('http://mock/v1/videos/generations', {
  method: 'POST',
  headers: { authorization: 'Bearer warm' },
  body: JSON.stringify({ model: 'sora-2', prompt: 'warm up' }),
});
await warm.close();

const results = [
  await measure(
    'plain tasks',
    () => ({}),
    () => ({}),
  ),
  await measure(
    'with callback_url and Idempotency-Key',
    (i) => ({ callback_url: `https://hooks.example.com/video/${i}`, duration: 15 }),
    (i) => ({ 'idempotency-key': `key-${i}-${'x'.repeat(24)}` }),
  ),
];
process.stdout.write(`${JSON.stringify(results)}\n`);
