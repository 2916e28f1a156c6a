import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts'],
    // A guard against hangs, not a speed bound: the set-up script's runs share two cores with the
    // Redis Cluster test and, in the root `pnpm test`, every other package's suites.
    testTimeout: 30_000,
  },
});
