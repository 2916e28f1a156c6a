// Heap used by 100,000 tasks: heapUsed after GC, before and after creating them through the app.
import { MAX_CREDITS } from '../src/domain/prices.js';
import { createMockServer } from '../src/index.js';
import { createTasks, TASK_KINDS, type TaskShape } from './create-tasks.js';

declare const gc: () => void;

const COUNT = Number(process.env.BENCH_TASKS ?? 100_000);

async function measure(label: string, shape: TaskShape) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const mock = createMockServer({ clock: 'manual', credits: MAX_CREDITS, seed: 'memory', maxTasks: COUNT });
  await createTasks(mock, COUNT, shape);
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

const results = [];
for (const [label, shape] of TASK_KINDS) results.push(await measure(label, shape));
process.stdout.write(`${JSON.stringify(results)}\n`);
