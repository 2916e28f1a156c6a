// What a chaos profile costs a public request, in process (app.request, the memory store): GET /v1/credits
// with no profile (the fast path), with a profile that leaves the gateway alone set at start (no draw),
// and with flaky-gateway set at run time (a store read and a draw per request; its faults answered too).
//
//   node --import tsx bench/chaos.ts [--json <file>]
import { writeFileSync } from 'node:fs';
import { createMockServer, type MockServer } from '../src/index.js';

const ROUNDS = Number(process.env.BENCH_CHAOS_ROUNDS ?? 7);
const PER_ROUND = Number(process.env.BENCH_CHAOS_N ?? 5_000);
const headers = { authorization: 'Bearer sk-bench' };

async function usPerRequest(server: MockServer): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++)
    await (await server.app.request('/v1/credits', { headers })).arrayBuffer();
  return Number(process.hrtime.bigint() - start) / 1000 / PER_ROUND;
}

async function measure(name: string, make: () => Promise<MockServer>) {
  const server = await make();
  await usPerRequest(server); // warm-up
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) runs.push(await usPerRequest(server));
  await server.close();
  runs.sort((a, b) => a - b);
  return { name, medianUs: Number((runs[Math.floor(runs.length / 2)] as number).toFixed(2)) };
}

const rows = [
  await measure('no profile', async () => createMockServer({ clock: 'manual', seed: 'bench' })),
  await measure('slow-provider from the start', async () =>
    createMockServer({ clock: 'manual', seed: 'bench', chaos: 'slow-provider' }),
  ),
  await measure('flaky-gateway at run time', async () => {
    const server = createMockServer({ clock: 'manual', seed: 'bench' });
    await server.chaos.set('flaky-gateway');
    return server;
  }),
];
console.table(rows);
const jsonArg = process.argv.indexOf('--json');
if (jsonArg >= 0) writeFileSync(process.argv[jsonArg + 1] as string, JSON.stringify(rows, null, 2));
