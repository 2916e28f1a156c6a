import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';
import { targetNameFromEnv } from './src/target.js';

const live = targetNameFromEnv() === 'live';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    reporters: [...sharedTestConfig.reporters, './src/reporter.ts'],
    include: ['test/**/*.contract.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    // One server, one manual clock: files run one after another so clock moves don't interleave.
    fileParallelism: false,
    // A live task can take minutes; every live wait also has its own deadline naming the task.
    testTimeout: live ? 20 * 60_000 : 15_000,
    hookTimeout: live ? 60_000 : 20_000,
  },
});
