// Throughput of mock replicas sharing a store: one replica on one Redis against three on a three-shard
// Redis Cluster, each replica its own process, the same total connections, API keys spread over tenants.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface ReplicasRow {
  name: string;
  replicas: number;
  route: 'create' | 'query';
  reqPerSec: number;
  p99: number;
  errors: number;
}

/** Twelve API keys: on a cluster, twelve tenants spread over the shards. */
const KEYS = Array.from({ length: 12 }, (_, i) => `sk-bench-replicas-${i}`);
const BODY = JSON.stringify({ model: 'sora-2', prompt: 'A cat playing piano', duration: 10 });

function startReplica(storeUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./replica.ts', import.meta.url))],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_STORE_URL: storeUrl },
    },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    lines.once('line', (line) => {
      const url = /^Listening on (\S+)$/.exec(line)?.[1];
      if (url) resolve({ child, url });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`replica exited with ${code}`)));
  });
}

/** One request shape per route; every request takes the next key (and, for a query, that key's task). */
function requestsFor(route: 'create' | 'query', tasks: string[]): autocannon.Request[] {
  let i = 0;
  const next = () => i++ % KEYS.length;
  const setupRequest = (request: autocannon.Request) => {
    const k = next();
    const headers = { ...request.headers, authorization: `Bearer ${KEYS[k]}` };
    return route === 'create'
      ? { ...request, headers }
      : { ...request, headers, path: `/v1/tasks/${tasks[k]}` };
  };
  return route === 'create'
    ? [{ method: 'POST', path: '/v1/videos/generations', body: BODY, setupRequest }]
    : [{ method: 'GET', path: '/', setupRequest }];
}

async function taskPerKey(url: string): Promise<string[]> {
  const ids: string[] = [];
  for (const key of KEYS) {
    const res = await fetch(`${url}/v1/videos/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: BODY,
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}

/** Loads every replica at once (connections split evenly) and sums their req/s. */
async function loadAll(urls: string[], route: 'create' | 'query', connections: number, duration: number) {
  const tasks = route === 'query' ? await taskPerKey(urls[0] as string) : [];
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration,
        headers: { 'content-type': 'application/json' },
        requests: requestsFor(route, tasks),
      }),
    ),
  );
  return {
    reqPerSec: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

/** One replica on `singleUrl` and three on `clusterUrl`: create then query, `rounds` times; the median round. */
export async function measureReplicas(
  singleUrl: string,
  clusterUrl: string,
  { connections = 32, duration = 2, rounds = 3 } = {},
): Promise<ReplicasRow[]> {
  const setups = [
    { name: 'one replica, one Redis', url: singleUrl, replicas: 1 },
    { name: 'three replicas, three-shard Redis Cluster', url: clusterUrl, replicas: 3 },
  ];
  const rows: ReplicasRow[] = [];
  for (const setup of setups) {
    const started = await Promise.all(Array.from({ length: setup.replicas }, () => startReplica(setup.url)));
    try {
      const urls = started.map((s) => s.url);
      for (const route of ['create', 'query'] as const) {
        await loadAll(urls, route, connections, 1);
        const runs = [];
        for (let r = 0; r < rounds; r++) runs.push(await loadAll(urls, route, connections, duration));
        const median = runs.sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(runs.length / 2)];
        rows.push({
          name: setup.name,
          replicas: setup.replicas,
          route,
          ...(median as (typeof runs)[number]),
        });
      }
    } finally {
      for (const s of started) s.child.kill('SIGTERM');
    }
  }
  return rows;
}
