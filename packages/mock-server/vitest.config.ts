import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Worker threads start faster than forked processes; each file still gets a fresh module graph.
    pool: 'threads',
    // A guard against hangs, not a speed bound (benchmarks measure speed): on a busy 2-core machine the
    // in-process property and state-walk tests take several times their quiet 1-2 s.
    testTimeout: 30_000,
  },
});
