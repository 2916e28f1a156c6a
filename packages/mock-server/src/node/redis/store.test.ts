import { type RedisServer, startRedisServer } from '@videotask/testkit';
import { afterAll, beforeAll } from 'vitest';
import { describeStore, SUITE_SETTINGS } from '../../../test/store-suite.js';
import { RedisStore } from './store.js';

let redis: RedisServer;
let n = 0;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});

// Each test gets its own prefix: an empty store in the same Redis.
describeStore('redis', () =>
  RedisStore.connect({ url: redis.url, prefix: `suite${n++}:`, ...SUITE_SETTINGS }),
);
