// What --metrics costs a request, in process (app.request, the memory store): a task read and a create,
// served as `serveMockServer` serves them without and with metrics (the observer and its counters and
// histogram), alternating rounds; and one scrape of /metrics over 10,000 live tasks.
//
//   node --import tsx bench/metrics.ts [--json <file>]
import { writeFileSync } from 'node:fs';
import { MAX_CREDITS } from '../src/domain/prices.js';
import type { MockServer } from '../src/index.js';
import { serveMockServer } from '../src/node/index.js';

const ROUNDS = Number(process.env.BENCH_METRICS_ROUNDS ?? 7);
const PER_ROUND = Number(process.env.BENCH_METRICS_N ?? 5_000);
const headers = { authorization: 'Bearer sk-bench', 'content-type': 'application/json' };
const body = JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano' });

async function usPer(what: (i: number) => Response | Promise<Response>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) await (await what(i)).arrayBuffer();
  return Number(process.hrtime.bigint() - start) / 1000 / PER_ROUND;
}

const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;

async function serve(metrics: boolean) {
  const running = await serveMockServer({
    port: 0,
    clock: 'manual',
    seed: 'bench',
    credits: MAX_CREDITS,
    metrics,
  });
  const res = await running.mock.app.request('/v1/videos/generations', { method: 'POST', headers, body });
  const { id } = (await res.json()) as { id: string };
  return { running, id };
}

function routes(mock: MockServer, id: string) {
  return {
    read: () => usPer(() => mock.app.request(`/v1/tasks/${id}`, { headers })),
    create: () => usPer(() => mock.app.request('/v1/videos/generations', { method: 'POST', headers, body })),
  };
}

const servers = { off: await serve(false), on: await serve(true) };
const runs: Record<string, number[]> = {};
for (let round = -1; round < ROUNDS; round++) {
  // Which goes first alternates, so neither always runs on the heap the other left.
  const order = Object.entries(servers);
  if (round % 2) order.reverse();
  for (const [mode, { running, id }] of order) {
    for (const [route, measure] of Object.entries(routes(running.mock, id))) {
      const us = await measure();
      if (round < 0) continue; // round -1 warms up
      const key = `${route} ${mode}`;
      runs[key] = [...(runs[key] ?? []), us];
    }
  }
}
const rows = ['read', 'create'].map((route) => {
  const off = median(runs[`${route} off`] as number[]);
  const on = median(runs[`${route} on`] as number[]);
  return {
    route: route === 'read' ? 'GET /v1/tasks/{id}' : 'POST /v1/videos/generations',
    usOff: Number(off.toFixed(2)),
    usOn: Number(on.toFixed(2)),
    reqPerSecOff: Math.round(1e6 / off),
    reqPerSecOn: Math.round(1e6 / on),
    costPercent: Number((((on - off) / off) * 100).toFixed(1)),
  };
});
console.table(rows);
// A scrape counts every live task (the gauges): its time over the tasks the create rounds left.
const { mock } = servers.on.running;
const live = (await mock.tasks.tally()).tasks.reduce((n, t) => n + t.count, 0);
const scrapeStart = process.hrtime.bigint();
await (await mock.app.request('/metrics')).text();
const scrapeMs = Number(process.hrtime.bigint() - scrapeStart) / 1e6;
console.log(`one scrape of /metrics over ${live} live tasks: ${scrapeMs.toFixed(1)} ms`);
for (const { running } of Object.values(servers)) await running.close();
const jsonArg = process.argv.indexOf('--json');
if (jsonArg >= 0)
  writeFileSync(
    process.argv[jsonArg + 1] as string,
    JSON.stringify({ rows, scrape: { live, scrapeMs } }, null, 2),
  );
