import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The pack test installs tarballs with npm and runs attw; everything else runs in milliseconds.
    // A guard against hangs, not a speed bound: on a busy 2-core machine attw alone took over 10 s.
    testTimeout: 60_000,
  },
});
