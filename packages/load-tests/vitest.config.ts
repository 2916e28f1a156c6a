import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

const soakSeconds = Number(process.env.SOAK_SECONDS ?? 180);

export default defineConfig({
  test: {
    ...sharedTestConfig,
    // Not reports/vitest.json: these runs are not part of `pnpm test`, and .ci/run sums that file.
    outputFile: { json: 'reports/load-vitest.json', junit: 'reports/load-junit.xml' },
    include: ['src/**/*.load.test.ts'],
    // One heavy file at a time: the figures of one must not be skewed by the other (2 cores).
    fileParallelism: false,
    pool: 'forks',
    // Bounded: the load test takes about a minute; the soak SOAK_SECONDS plus its expiry phase.
    testTimeout: Math.max(300, soakSeconds + 240) * 1000,
    hookTimeout: 60_000,
  },
});
