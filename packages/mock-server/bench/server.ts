// The benchmark's server process: the mock on a port, beside a bare Hono route with static JSON (the ceiling);
// with BENCH_REDIS_URL, the same mock on the Redis store on a second port; with BENCH_CLUSTER_URL, on a
// Redis Cluster on a third.

import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { spec } from '@videotask/spec';
import { deref } from '@videotask/spec/validator';
import { Hono } from 'hono';
import { MAX_CREDITS } from '../src/domain/prices.js';
import { createMockServer, type MockServer } from '../src/index.js';
import { nodeFetchHandler } from '../src/node/index.js';
import { withStore } from '../src/node/store.js';

/** The spec's example of a processing task: the ceiling serialises a body of a task's shape and size. */
const STATIC = deref<{ value: object }>(spec, spec.components.examples?.ProcessingTask).value;
export const CEILING_PATH = '/__bench/static';

const bare = new Hono();
bare.get(CEILING_PATH, (c) => c.json(STATIC));
// Between load runs: forget every task, so each run starts from an empty store. (A forced GC here
// made the next run slower: V8 shrinks the heap and grows it again during the run.)
bare.post('/__bench/settle', async (c) => {
  await Promise.all([mock.reset(), redisMock?.reset(), clusterMock?.reset()]);
  return c.json({ settled: true });
});
// The server process's CPU time (all threads, user + system, µs), read between load runs.
bare.get('/__bench/cpu', (c) => {
  const { user, system } = process.cpuUsage();
  return c.json({ micros: user + system });
});
// For context only: the same route reading a JSON body first (what any POST handler pays).
bare.post(CEILING_PATH, async (c) => {
  await c.req.json();
  return c.json(STATIC);
});

const options = {
  credits: MAX_CREDITS,
  seed: 'bench',
  speed: 1,
  ...(process.env.BENCH_MAX_TASKS ? { maxTasks: Number(process.env.BENCH_MAX_TASKS) } : {}),
};
const mock = createMockServer(options);
const redisUrl = process.env.BENCH_REDIS_URL;
// Connected as `videotask-mock --store <url>` connects it.
const redisMock: MockServer | undefined = redisUrl
  ? createMockServer(await withStore({ storeUrl: redisUrl, storePrefix: 'bench:' }, options))
  : undefined;
const clusterUrl = process.env.BENCH_CLUSTER_URL;
const clusterMock: MockServer | undefined = clusterUrl
  ? createMockServer(await withStore({ storeUrl: clusterUrl, storePrefix: 'bench:' }, options))
  : undefined;
// Every route, the bare ones included, goes through the Node entry's own handler, as `videotask-mock`
// serves the mock: the ratios then compare the handlers, not two ways of reading a request.
const routes = {
  // One cheap test per request, the same for every route measured.
  fetch: (request: Request, env: HttpBindings | Http2Bindings) =>
    request.url.includes('/__bench/') ? bare.fetch(request) : mock.app.fetch(request, env),
};
const server = createAdaptorServer({ fetch: nodeFetchHandler(() => routes) });
// The Redis mock on its own port, through the same Node handler (its /__bench/ routes are the same too).
const redisRoutes = {
  fetch: (request: Request, env: HttpBindings | Http2Bindings) =>
    request.url.includes('/__bench/')
      ? bare.fetch(request)
      : (redisMock as MockServer).app.fetch(request, env),
};
const redisServer = redisMock && createAdaptorServer({ fetch: nodeFetchHandler(() => redisRoutes) });
const clusterRoutes = {
  fetch: (request: Request, env: HttpBindings | Http2Bindings) =>
    request.url.includes('/__bench/')
      ? bare.fetch(request)
      : (clusterMock as MockServer).app.fetch(request, env),
};
const clusterServer = clusterMock && createAdaptorServer({ fetch: nodeFetchHandler(() => clusterRoutes) });
const listen = (s: ReturnType<typeof createAdaptorServer>) =>
  new Promise<string>((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );
const urls = [
  await listen(server),
  ...(redisServer ? [await listen(redisServer)] : []),
  ...(clusterServer ? [await listen(clusterServer)] : []),
];
process.stdout.write(`Listening on ${urls.join(' ')}\n`);
process.on('SIGTERM', () => {
  void Promise.all([mock.close(), redisMock?.close(), clusterMock?.close()]).finally(() => process.exit(0));
  server.close();
  redisServer?.close();
  clusterServer?.close();
});
