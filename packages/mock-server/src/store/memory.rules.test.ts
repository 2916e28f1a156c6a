// The rate-limit and fault rules against the memory store (src/node/redis/store.rules.test.ts: Redis).
import { describeStoreRules } from '../../test/store-rules-suite.js';
import { MemoryStore } from './memory.js';

describeStoreRules(
  'memory',
  async () => new MemoryStore({ maxTasks: 5, startingUc: 10_000, attemptRetentionMs: 86_400_000 }),
);
