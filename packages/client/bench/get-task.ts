// Per-request cost over loopback HTTP, in one run: @videotask/client's getTask, plain openapi-fetch
// GET /v1/tasks/{task_id}, and a raw fetch of the same URL. The server runs in a child process (its
// own core); requests are sequential, variants are interleaved call by call in rotating order, and
// each variant is warmed up first. Prints ops/s, mean, p50 and p99 per call, the two ratios, what a
// per-call abort signal costs plain openapi-fetch, and an A/A control (a second, identical
// openapi-fetch client) showing how large a difference noise makes.
//
//   pnpm --filter @videotask/client bench                 # against the mock server
//   pnpm --filter @videotask/client bench -- --standin    # against a fixed-answer node:http server
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import { createVideoTaskClient } from '../src/index.js';
import type { paths } from '../src/types.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const standin = args.includes('--standin');
const ROUNDS = flag('rounds', 20);
const PER_ROUND = flag('n', 1000);
const WARMUP = flag('warmup', 3000);
const API_KEY = 'sk-bench';

const serverScript = fileURLToPath(
  new URL(standin ? './standin-server.ts' : './mock-server.ts', import.meta.url),
);
const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const firstLine = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', resolve);
  child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const { port, taskId } = JSON.parse(firstLine) as { port: number; taskId: string };
const baseUrl = `http://127.0.0.1:${port}`;
const url = `${baseUrl}/v1/tasks/${taskId}`;

const client = createVideoTaskClient({ apiKey: API_KEY, baseUrl });
const plain = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${API_KEY}` } });
// An identical second openapi-fetch client: its distance from the first is the measurement noise.
const control = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${API_KEY}` } });
const rawHeaders = { Authorization: `Bearer ${API_KEY}` };

const variants: Record<string, () => Promise<unknown>> = {
  '@videotask/client getTask': () => client.getTask(taskId),
  'openapi-fetch GET': async () => {
    const { data, error } = await plain.GET('/v1/tasks/{task_id}', { params: { path: { task_id: taskId } } });
    if (error !== undefined || data === undefined) throw new Error('openapi-fetch: error answer');
    return data;
  },
  'openapi-fetch (A/A)': async () => {
    const { data, error } = await control.GET('/v1/tasks/{task_id}', {
      params: { path: { task_id: taskId } },
    });
    if (error !== undefined || data === undefined) throw new Error('openapi-fetch: error answer');
    return data;
  },
  'raw fetch': async () => {
    const response = await fetch(url, { headers: rawHeaders });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    return response.json();
  },
  // What a deadline that aborts the request costs by itself: plain openapi-fetch plus one
  // AbortController, one timer and the signal on the Request, as the client does per call.
  'openapi-fetch + abort': async () => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), 60_000);
    try {
      const { data, error } = await plain.GET('/v1/tasks/{task_id}', {
        params: { path: { task_id: taskId } },
        signal: deadline.signal,
      });
      if (error !== undefined || data === undefined) throw new Error('openapi-fetch: error answer');
      return data;
    } finally {
      clearTimeout(timer);
    }
  },
};
const names = Object.keys(variants);
const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
const gc = (globalThis as { gc?: () => void }).gc;

async function block(name: string, count: number, record: boolean) {
  const call = variants[name] as () => Promise<unknown>;
  const into = samples[name] as number[];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await call();
    if (record) into.push(Number(process.hrtime.bigint() - start) / 1000);
  }
}

// Sanity: every variant reads the same task.
for (const name of names) {
  const task = (await (variants[name] as () => Promise<{ id: string }>)()) as { id: string };
  if (task.id !== taskId) throw new Error(`${name} read ${task.id}`);
}
for (const name of names) await block(name, WARMUP, false);
// Call by call, in rotating order: a slow spell on the machine hits every variant alike.
for (let round = 0; round < ROUNDS; round++) {
  gc?.();
  for (let i = 0; i < PER_ROUND; i++) {
    for (let k = 0; k < names.length; k++) await block(names[(i + k) % names.length] as string, 1, true);
  }
}
child.kill();

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { mean, p50: at(0.5), p99: at(0.99), opsPerSec: 1e6 / mean };
};
const table = Object.fromEntries(names.map((n) => [n, stats(samples[n] as number[])]));
const [clientName, plainName, controlName, rawName, abortName] = names as [
  string,
  string,
  string,
  string,
  string,
];
const c = table[clientName] as ReturnType<typeof stats>;
const p = table[plainName] as ReturnType<typeof stats>;
const r = table[rawName] as ReturnType<typeof stats>;
const a = table[controlName] as ReturnType<typeof stats>;
const x = table[abortName] as ReturnType<typeof stats>;

console.log(
  `\nserver: ${standin ? 'node:http stand-in' : '@videotask/mock-server'} on ${baseUrl} (child process); ` +
    `${ROUNDS} rounds × ${PER_ROUND} sequential calls per variant after ${WARMUP} warm-up calls; Node ${process.version}\n`,
);
console.log('variant                      ops/s    mean µs   p50 µs   p99 µs');
for (const name of names) {
  const s = table[name] as ReturnType<typeof stats>;
  console.log(
    `${name.padEnd(26)} ${s.opsPerSec.toFixed(0).padStart(7)} ${s.mean.toFixed(1).padStart(10)} ${s.p50.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)}`,
  );
}
const pct = (a: number, b: number) => {
  const value = (a / b - 1) * 100;
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
};
console.log(
  `\nclient vs openapi-fetch: ${pct(c.mean, p.mean)} mean, ${pct(c.p50, p.p50)} p50 (goal ≤ +10%)` +
    `\nclient vs raw fetch:     ${pct(c.mean, r.mean)} mean, ${pct(c.p50, r.p50)} p50 (goal ≤ +25%)` +
    `\nabort alone:             ${pct(x.mean, p.mean)} mean, ${pct(x.p50, p.p50)} p50 (openapi-fetch with a per-call AbortSignal and timer)` +
    `\nnoise (A/A):             ${pct(a.mean, p.mean)} mean, ${pct(a.p50, p.p50)} p50 between two identical openapi-fetch clients`,
);
// `--json <file>`: the same figures, machine-readable (the root `pnpm bench` reads them for its table).
const jsonArg = args.indexOf('--json');
if (jsonArg >= 0 && args[jsonArg + 1]) {
  const server = standin ? 'node:http stand-in' : '@videotask/mock-server';
  const config = { server, rounds: ROUNDS, perRound: PER_ROUND, warmup: WARMUP, node: process.version };
  writeFileSync(args[jsonArg + 1] as string, `${JSON.stringify({ config, variants: table }, null, 2)}\n`);
}
