// The shared store behaviours against the memory store (the Redis store runs the same suite).
import { describeStore, SUITE_SETTINGS } from '../../test/store-suite.js';
import { MemoryStore } from './memory.js';

describeStore(
  'memory',
  async () =>
    new MemoryStore({
      maxTasks: SUITE_SETTINGS.maxTasks,
      startingUc: SUITE_SETTINGS.startingUc,
      attemptRetentionMs: SUITE_SETTINGS.retentionMs,
    }),
);
