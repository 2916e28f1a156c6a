// `pnpm bench`: create and query throughput against the running Node server, measured with autocannon
// from this (second) process beside a bare Hono route on the same server, with the memory store, the Redis
// store (a throwaway redis-server) and the Redis store on a throwaway three-master Redis Cluster; then mock
// replicas on a cluster against one on one Redis, the heap of 100,000 tasks and Redis's bytes per task.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type RedisCluster, type RedisServer, startRedisCluster, startRedisServer } from '@videotask/testkit';
import autocannon from 'autocannon';
import { measureRedisMemory, type RedisMemoryRow } from './redis-memory.js';
import { measureReplicas, type ReplicasRow } from './replicas.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** `--json <file>`: also write the results there (the root `pnpm bench` reads them for its table). */
const jsonArg = process.argv.indexOf('--json');
const JSON_OUT = jsonArg >= 0 ? process.argv[jsonArg + 1] : undefined;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface BenchServer {
  child: ChildProcess;
  url: string;
  redisMockUrl: string;
  clusterMockUrl: string;
}

function startServer(redisUrl: string, clusterUrl: string): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', here('./server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_REDIS_URL: redisUrl, BENCH_CLUSTER_URL: clusterUrl },
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    lines.once('line', (line) => {
      const match = /^Listening on (\S+) (\S+) (\S+)$/.exec(line);
      if (match?.[1] && match[2] && match[3])
        resolve({ child, url: match[1], redisMockUrl: match[2], clusterMockUrl: match[3] });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

interface Row {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** The server process's CPU time per request (all threads), µs: independent of the load generator. */
  cpuMicros: number;
  non2xx: number;
  errors: number;
}

let serverUrl = '';
/** Resets the mock (an empty store) before a run. */
async function settle(): Promise<void> {
  await (await fetch(`${serverUrl}/__bench/settle`, { method: 'POST' })).arrayBuffer();
}
async function serverCpu(): Promise<number> {
  const res = await fetch(`${serverUrl}/__bench/cpu`);
  return ((await res.json()) as { micros: number }).micros;
}

async function load(name: string, options: autocannon.Options, duration = DURATION): Promise<Row> {
  const before = await serverCpu();
  const result = await autocannon({ connections: CONNECTIONS, pipelining: 1, ...options, duration });
  const cpu = (await serverCpu()) - before;
  return {
    name,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicros: Math.round((cpu / Math.max(1, result.requests.total)) * 10) / 10,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const REDIS_QUERY = 'query GET /v1/tasks/{id}, Redis store';
const REDIS_CREATE = 'create POST /v1/videos/generations, Redis store';
const CLUSTER_QUERY = 'query GET /v1/tasks/{id}, Redis Cluster store';
const CLUSTER_CREATE = 'create POST /v1/videos/generations, Redis Cluster store';
const CREATE_BODY = JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano', duration: 10 });
// Every route gets the same request headers (the bare routes ignore them), so the ratios compare
// handlers, not request sizes.
const AUTH = { authorization: 'Bearer sk-bench' };
const HEADERS = { ...AUTH, 'content-type': 'application/json' };

type Target = autocannon.Options | (() => Promise<autocannon.Options>);
interface HeapRow {
  label: string;
  tasks: number;
  heapUsedMB: number;
  bytesPerTask: number;
}

/** The routes loaded, in the order of each round; a query's task is created just before its run. */
function targetsFor({ url, redisMockUrl, clusterMockUrl }: BenchServer): [string, Target][] {
  // The queried task is created just before each query run (each run starts from an empty store).
  const freshTask = async (on = url) => {
    const created = await fetch(`${on}/v1/videos/generations`, {
      method: 'POST',
      headers: HEADERS,
      body: CREATE_BODY,
    });
    return ((await created.json()) as { id: string }).id;
  };
  return [
    ['ceiling: bare Hono route, static JSON (GET)', { url: `${url}/__bench/static`, headers: AUTH }],
    [
      'query GET /v1/tasks/{id}',
      async () => ({ url: `${url}/v1/tasks/${await freshTask()}`, headers: AUTH }),
    ],
    [
      'create POST /v1/videos/generations',
      { url: `${url}/v1/videos/generations`, method: 'POST', headers: HEADERS, body: CREATE_BODY },
    ],
    [
      'context: bare route reading the body (POST)',
      { url: `${url}/__bench/static`, method: 'POST', headers: HEADERS, body: CREATE_BODY },
    ],
    [
      REDIS_QUERY,
      async () => ({ url: `${redisMockUrl}/v1/tasks/${await freshTask(redisMockUrl)}`, headers: AUTH }),
    ],
    [
      REDIS_CREATE,
      { url: `${redisMockUrl}/v1/videos/generations`, method: 'POST', headers: HEADERS, body: CREATE_BODY },
    ],
    [
      CLUSTER_QUERY,
      async () => ({ url: `${clusterMockUrl}/v1/tasks/${await freshTask(clusterMockUrl)}`, headers: AUTH }),
    ],
    [
      CLUSTER_CREATE,
      { url: `${clusterMockUrl}/v1/videos/generations`, method: 'POST', headers: HEADERS, body: CREATE_BODY },
    ],
  ];
}

/** A warm-up run per route, then ROUNDS rounds; each route's runs by its name. */
async function measureRounds(targets: [string, Target][]): Promise<Map<string, Row[]>> {
  // Warm-up: JIT, connection pools.
  const resolve = async (target: Target) => (typeof target === 'function' ? target() : target);
  for (const [, target] of targets) {
    await settle();
    await load('warm-up', await resolve(target), 1);
  }
  // Rounds interleave the routes, and each route's median round counts: on a shared 2-core
  // machine a burst of other work then skews one round, not one route.
  const runs = new Map<string, Row[]>(targets.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, target] of targets) {
      await settle();
      runs.get(name)?.push(await load(name, await resolve(target)));
    }
  }
  for (const row of [...runs.values()].flat()) {
    if (row.non2xx || row.errors)
      throw new Error(`${row.name}: ${row.non2xx} non-2xx answers, ${row.errors} errors`);
  }
  return runs;
}

/** Each route's median round, and the ratios: memory-store rows to the ceiling, Redis rows to the memory store's. */
function summarize(runs: Map<string, Row[]>) {
  const median = (list: Row[]) =>
    [...list].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(list.length / 2)] as Row;
  const rows = [...runs.keys()].map((name) => median(runs.get(name) ?? []));
  const [ceiling, query, create] = rows as [Row, Row, Row, Row];
  // Each round measures every route back to back, so a route's ratio to the ceiling is taken
  // within a round and the median of those ratios is reported (load from elsewhere cancels out).
  const ratioOf = (name: string, baseName = ceiling.name) => {
    const own = runs.get(name) ?? [];
    const base = runs.get(baseName) ?? [];
    const perRound = own
      .map((r, i) => r.reqPerSec / (base[i]?.reqPerSec ?? Number.NaN))
      .sort((a, b) => a - b);
    return perRound[Math.floor(perRound.length / 2)] as number;
  };
  // The Redis store's rows against the memory store's, measured in the same rounds.
  const ratios = {
    create: ratioOf(create.name),
    query: ratioOf(query.name),
    redisCreate: ratioOf(REDIS_CREATE, create.name),
    redisQuery: ratioOf(REDIS_QUERY, query.name),
    clusterCreate: ratioOf(CLUSTER_CREATE, create.name),
    clusterQuery: ratioOf(CLUSTER_QUERY, query.name),
  };
  return { rows, ceiling, query, create, ratioOf, ratios };
}

/** The heap of 100,000 tasks, measured in a fresh process with --expose-gc (memory.ts). */
function measureHeap(): Promise<HeapRow[]> {
  if (process.env.BENCH_SKIP_MEMORY) return Promise.resolve([]);
  return new Promise<HeapRow[]>((resolve, reject) => {
    const m = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', here('./memory.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    m.stdout?.on('data', (chunk) => {
      out += chunk;
    });
    m.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`memory run exited ${code}`)),
    );
  });
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

/** The throughput table, the CPU view and the goals. */
function printThroughput(runs: Map<string, Row[]>, summary: ReturnType<typeof summarize>): void {
  const { rows, ceiling, query, create, ratioOf, ratios } = summary;
  console.log(
    `\nThroughput: median of ${ROUNDS} interleaved rounds of ${DURATION} s, ${CONNECTIONS} connections, autocannon in a second process\n`,
  );
  console.log(
    '| route | req/s, median (each round) | p50 ms | p99 ms | of ceiling, median of rounds | server CPU µs/req (median) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  const medianCpu = (name: string) => {
    const list = (runs.get(name) ?? []).map((r) => r.cpuMicros).sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] as number;
  };
  for (const row of rows) {
    const all = (runs.get(row.name) ?? []).map((r) => r.reqPerSec).join(' / ');
    console.log(
      `| ${row.name} | ${row.reqPerSec} (${all}) | ${row.p50} | ${row.p99} | ${pct(ratioOf(row.name))} | ${medianCpu(row.name)} |`,
    );
  }
  const cpuRatio = (name: string) => pct(medianCpu(ceiling.name) / medianCpu(name));
  console.log(
    `\nBy server CPU per request (what the ratios would be with a core to spare for the load generator): create ${cpuRatio(create.name)}, query ${cpuRatio(query.name)} of the ceiling.`,
  );
  console.log(
    `\nGoals: create ≥ 50 % of ceiling (${pct(ratios.create)}), query ≥ 70 % (${pct(ratios.query)})`,
  );
  console.log(
    `Redis store: create ${pct(ratios.redisCreate)}, query ${pct(ratios.redisQuery)} of the memory store's (goal ≥ 25 % each)`,
  );
  console.log(
    `Redis Cluster store: create ${pct(ratios.clusterCreate)}, query ${pct(ratios.clusterQuery)} of the memory store's`,
  );
}

function printReplicas(rows: ReplicasRow[]): void {
  if (!rows.length) return;
  console.log(
    '\nReplicas (each its own process, 12 API keys, the same total connections; median of rounds)\n',
  );
  console.log('| setup | route | req/s (sum) | p99 ms | errors |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.route} | ${r.reqPerSec} | ${r.p99} | ${r.errors} |`);
}

function printMemory(memory: HeapRow[], redisMemory: RedisMemoryRow[]): void {
  console.log('\nMemory (heapUsed after GC, before and after creating the tasks)\n');
  for (const m of memory) {
    console.log(
      `- ${m.tasks} ${m.label}: ${m.heapUsedMB.toFixed(1)} MB (${Math.round(m.bytesPerTask)} bytes per task)`,
    );
  }
  console.log('Goal: 100,000 tasks ≤ 200 MB');
  console.log('\nRedis (INFO memory used_memory, before and after creating the tasks)\n');
  for (const m of redisMemory) {
    console.log(
      `- ${m.tasks} ${m.label}: ${m.usedMB.toFixed(1)} MB (${Math.round(m.bytesPerTask)} bytes per task)`,
    );
  }
}

async function main() {
  const redis: RedisServer = await startRedisServer();
  const cluster: RedisCluster = await startRedisCluster();
  const server = await startServer(redis.url, cluster.url);
  const { child, url } = server;
  serverUrl = url;
  try {
    const runs = await measureRounds(targetsFor(server));
    const summary = summarize(runs);
    child.kill('SIGTERM');
    const replicas = process.env.BENCH_SKIP_REPLICAS
      ? []
      : await measureReplicas(redis.url, cluster.url, {
          connections: CONNECTIONS,
          duration: DURATION,
          rounds: Math.min(ROUNDS, 3),
        });
    const redisMemory = await measureRedisMemory(redis.url, Number(process.env.BENCH_REDIS_TASKS ?? 10_000));
    const memory = await measureHeap();
    printThroughput(runs, summary);
    printReplicas(replicas);
    printMemory(memory, redisMemory);
    const { rows, ratios } = summary;
    mkdirSync(here('../reports'), { recursive: true });
    const report = `${JSON.stringify({ node: process.version, duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, rows, runs: Object.fromEntries(runs), ratios, replicas, memory, redisMemory }, null, 2)}\n`;
    writeFileSync(here('../reports/bench.json'), report);
    if (JSON_OUT) writeFileSync(JSON_OUT, report);
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all([redis.stop(), cluster.stop()]);
  }
}

await main();
