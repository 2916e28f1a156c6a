// `pnpm bench:dashboard`: how long the dashboard's answers take with 10,000 tasks in the store (a page
// of tasks as JSON, the list as HTML parts near the end, the page itself), in process over app.request.
import { createMockServer } from '../src/index.js';

const COUNT = Number(process.env.BENCH_TASKS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const UI = '/__mock/ui';
const PATHS = [`${UI}/tasks?limit=50&offset=5000`, `${UI}/view?limit=50&offset=9990`, UI];

const mock = createMockServer({ clock: 'manual', credits: 1e9, seed: 'dashboard-bench', maxTasks: COUNT });
for (let i = 0; i < COUNT; i++) {
  const res = await mock.app.request('/v1/videos/generations', {
    method: 'POST',
    headers: {
      authorization: 'Bearer sk-dashboard-bench',
      'content-type': 'application/json',
      ...(i % 10 === 0 ? { 'x-mock-scenario': 'fail:service_error' } : {}),
    },
    body: JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano', duration: i % 2 ? 10 : 15 }),
  });
  if (res.status !== 200) throw new Error(`create ${i} answered ${res.status}: ${await res.text()}`);
}
await mock.clock.advance(30_000);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
const rows = [];
for (const path of PATHS) {
  const times: number[] = [];
  let bytes = 0;
  // A few unmeasured rounds first, so the figures are the steady state, not the first compile.
  for (let round = -10; round < ROUNDS; round++) {
    const started = performance.now();
    const res = await mock.app.request(path);
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    if (round >= 0) times.push(ms);
    bytes = text.length;
  }
  times.sort((a, b) => a - b);
  rows.push({
    path,
    'median ms': Number(quantile(times, 0.5).toFixed(2)),
    'p95 ms': Number(quantile(times, 0.95).toFixed(2)),
    'max ms': Number((times.at(-1) ?? 0).toFixed(2)),
    kB: Number((bytes / 1024).toFixed(1)),
  });
}
await mock.close();
console.log(`Dashboard answers with ${COUNT.toLocaleString('en-US')} tasks, ${ROUNDS} rounds each:`);
console.table(rows);
