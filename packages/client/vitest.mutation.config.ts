// The test run Stryker repeats against each mutant: every client suite (all run in process), without
// vitest.config.ts's report files, whose shared settings file the Stryker sandbox cannot reach.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A guard against hangs, not a speed bound: two Stryker workers share a busy 2-core machine.
    testTimeout: 60_000,
  },
});
