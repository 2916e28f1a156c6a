import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser test bundles a page and starts Chromium; the rest runs in milliseconds.
    testTimeout: 30_000,
  },
});
