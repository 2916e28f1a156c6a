// The rate-limit and fault rules against the Redis store (the same suite as the memory store's).
import { type RedisServer, startRedisServer } from '@videotask/testkit';
import { afterAll, beforeAll } from 'vitest';
import { describeStoreRules } from '../../../test/store-rules-suite.js';
import { RedisStore } from './store.js';

let redis: RedisServer;
let n = 0;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});

describeStoreRules('redis', () =>
  RedisStore.connect({
    url: redis.url,
    prefix: `rules${n++}:`,
    maxTasks: 5,
    startingUc: 10_000,
    retentionMs: 86_400_000,
  }),
);
