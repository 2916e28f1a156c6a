import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A guard against hangs, not a speed bound: redocly and openapi-typescript take 15-20 s on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
