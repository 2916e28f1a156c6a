// One mock replica for bench/replicas.ts: the Node server on BENCH_STORE_URL (one Redis or a Redis Cluster).
import { MAX_CREDITS } from '../src/domain/prices.js';
import { serveMockServer } from '../src/node/index.js';

const running = await serveMockServer({
  port: 0,
  storeUrl: process.env.BENCH_STORE_URL,
  storePrefix: 'bench-replicas:',
  credits: MAX_CREDITS,
  seed: 'bench',
  speed: 1,
});
process.stdout.write(`Listening on ${running.url}\n`);
process.on('SIGTERM', () => void running.close().finally(() => process.exit(0)));
