// `pnpm --filter @videotask/mock-server bench:tasks`: GET /v1/tasks, a 20-task page over 100,000 tasks of
// one key, through the app in-process, on the memory store and on the Redis store (a throwaway
// redis-server): the first page, a deep page and a model-filtered page (indexed: O(page size)), and a
// status-filtered page for contrast (a status is derived from the clock, so that one scans the key's tasks).
import { startRedisServer } from '@videotask/testkit';
import { MAX_CREDITS } from '../src/domain/prices.js';
import { createMockServer, type MockServer } from '../src/index.js';
import { withStore } from '../src/node/store.js';

const COUNT = Number(process.env.BENCH_TASKS ?? 100_000);
/** Each case runs this long (ms of real time), at least MIN_CALLS calls. */
const CASE_MS = Number(process.env.BENCH_CASE_MS ?? 2000);
const MIN_CALLS = 5;
const PAGE_SIZE = 20;
const KEY = 'sk-bench';
const AUTH = { authorization: `Bearer ${KEY}` };

/** 100,000 tasks of one key, every tenth of another model; `parallel` creates in flight at once. */
async function fill(mock: MockServer, parallel: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < COUNT; i = next++) {
      const body = i % 10 ? { model: 'sora-2' } : { model: 'sora-2-preview', duration: 4 };
      const res = await mock.fetch('http://mock/v1/videos/generations', {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, prompt: `A cat playing piano, take ${i}` }),
      });
      if (res.status !== 200) throw new Error(`create ${i} answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

interface Row {
  store: string;
  page: string;
  calls: number;
  opsPerSec: number;
  p50: number;
  p99: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

async function measure(mock: MockServer, store: string, page: string, query: string): Promise<Row> {
  const call = async () => {
    const res = await mock.fetch(`http://mock/v1/tasks?${query}`, { headers: AUTH });
    const body = (await res.json()) as { data: unknown[]; total: number };
    if (res.status !== 200 || body.data.length === 0) throw new Error(`${query}: ${res.status}`);
  };
  for (let i = 0; i < 3; i++) await call(); // warm-up
  const times: number[] = [];
  const started = performance.now();
  while (times.length < MIN_CALLS || performance.now() - started < CASE_MS) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const ms = (x: number) => Math.round(x * 1000) / 1000;
  return {
    store,
    page,
    calls: times.length,
    opsPerSec: Math.round((times.length / elapsed) * 1000),
    p50: ms(quantile(times, 0.5)),
    p99: ms(quantile(times, 0.99)),
  };
}

const lastPage = Math.ceil(COUNT / PAGE_SIZE);
const modelPage = Math.max(1, Math.floor((COUNT / 10 / PAGE_SIZE) * 0.8));
const CASES: [string, string][] = [
  ['first page', `page=1&page_size=${PAGE_SIZE}`],
  [
    `deep page (${Math.floor(lastPage * 0.8)} of ${lastPage})`,
    `page=${Math.floor(lastPage * 0.8)}&page_size=${PAGE_SIZE}`,
  ],
  [
    `model filter (a tenth of the tasks), deep page (${modelPage})`,
    `model=sora-2-preview&page=${modelPage}&page_size=${PAGE_SIZE}`,
  ],
  ['status filter (scans the key), first page', `status=processing&page=1&page_size=${PAGE_SIZE}`],
];

async function run(store: string, mock: MockServer, parallel: number): Promise<Row[]> {
  const t = performance.now();
  await fill(mock, parallel);
  process.stderr.write(
    `${store}: ${COUNT} tasks created in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
  );
  const rows: Row[] = [];
  for (const [page, query] of CASES) rows.push(await measure(mock, store, page, query));
  return rows;
}

const options = { clock: 'manual' as const, credits: MAX_CREDITS, seed: 'bench-tasks', maxTasks: COUNT };
const rows: Row[] = [];
const memory = createMockServer(options);
rows.push(...(await run('memory', memory, 1)));
await memory.close();

const redis = await startRedisServer();
try {
  const onRedis = createMockServer(
    await withStore({ storeUrl: redis.url, storePrefix: 'bench-tasks:' }, options),
  );
  await onRedis.reset();
  rows.push(...(await run('redis', onRedis, 16)));
  await onRedis.close();
} finally {
  await redis.stop();
}

console.log(
  `\nGET /v1/tasks, ${PAGE_SIZE} tasks a page over ${COUNT} tasks of one key, in-process (app.fetch), one call at a time\n`,
);
console.log('| store | page | calls | ops/s | p50 ms | p99 ms |');
console.log('|---|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.store} | ${r.page} | ${r.calls} | ${r.opsPerSec} | ${r.p50} | ${r.p99} |`);
