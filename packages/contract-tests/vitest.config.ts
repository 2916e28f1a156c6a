import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';
import { targetsOfRun } from './src/target.js';

const targets = targetsOfRun();
const live = targets.includes('live');

export default defineConfig({
  test: {
    ...sharedTestConfig,
    reporters: [...sharedTestConfig.reporters, './src/reporter.ts'],
    // One project per target (named after it): its own servers from the global setup, its own report.
    projects: targets.map((name, i) => ({
      extends: true,
      test: {
        name,
        // The suite's own unit tests run once, in the first project (not in a run against other mocks).
        include: [
          'test/**/*.contract.test.ts',
          ...(i === 0 && name !== 'mock-url' ? ['src/**/*.test.ts'] : []),
        ],
        globalSetup: ['./src/global-setup.ts'],
      },
    })),
    // One server, one manual clock: files run one after another so clock moves don't interleave.
    fileParallelism: false,
    // A live task can take minutes; every live wait also has its own deadline naming the task.
    testTimeout: live ? 20 * 60_000 : 15_000,
    hookTimeout: live ? 60_000 : 20_000,
  },
});
