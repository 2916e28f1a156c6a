import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The pack test installs tarballs with npm; everything else runs in milliseconds.
    testTimeout: 10_000,
  },
});
